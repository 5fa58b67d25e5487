// Finds the run a dispatch created when the server did not say (a 204 without run details):
// by the correlation id the workflow's `run-name` shows, or — the weakest match — by sha and
// creation time on GitHub's own clock (its Date header), refusing to guess between several.
import type { CoreContext } from '../context.js';
import { ShipgateError, type ErrorCode } from '../errors.js';
import { sleepOrCancel } from './abort.js';
import type { GithubApi } from './github-api.js';

export interface WorkflowRun {
  id: number;
  /** What GitHub shows as `#N`; ids are not run numbers. */
  run_number?: number;
  name?: string | null;
  display_title?: string | null;
  head_sha: string;
  head_branch?: string | null;
  status: string;
  conclusion: string | null;
  created_at: string;
  html_url: string;
  event: string;
}

/** "run #42 (id 9000000001)", like GitHub's Actions tab; the id alone when the number is unknown. */
export function runLabel(run: Pick<WorkflowRun, 'id' | 'run_number'>): string {
  return run.run_number === undefined ? `run id ${run.id}` : `run #${run.run_number} (id ${run.id})`;
}

export interface FindWorkflowRunInput {
  api: GithubApi;
  ctx: CoreContext;
  /** `/repos/owner/name/actions/workflows/deploy.yml` */
  workflowPath: string;
  /** When GitHub received the dispatch, on GitHub's clock (or ours when it sent no Date). */
  dispatchedAt: Date;
  /** Unique id passed as the correlation input, shown in the run's title. */
  correlationId?: string;
  /** The sha the run must be on, when known (ref = the release tag). */
  headSha?: string;
  /** Run ids already matched to earlier dispatches; the found id is added. */
  claimed: Set<number>;
  deadline: Date;
  intervalMs: number;
  signal?: AbortSignal;
  /** What was dispatched, for the failure message: "deploy.yml on v1.2.0". */
  description: string;
  /** DEPLOY_FAILED for a deploy, ROLLBACK_FAILED for a rollback. */
  errorCode: ErrorCode;
}

/** Runs created this long before GitHub's dispatch time still count (its clock, so no skew with ours). */
const SAME_MOMENT_MS = 5_000;
/** A correlation id is exact, so the window only keeps the list short. */
const CORRELATION_WINDOW_MS = 10 * 60_000;

export async function findWorkflowRun(input: FindWorkflowRunInput): Promise<WorkflowRun> {
  const { api, ctx } = input;
  const after = new Date(input.dispatchedAt.getTime() - (input.correlationId ? CORRELATION_WINDOW_MS : SAME_MOMENT_MS));
  const query = new URLSearchParams({ event: 'workflow_dispatch', created: `>=${isoSeconds(after)}`, per_page: '100' });
  if (input.headSha) query.set('head_sha', input.headSha);
  let seen = 0;
  for (;;) {
    const { data } = await api.request<{ workflow_runs?: WorkflowRun[] }>('GET', `${input.workflowPath}/runs?${query.toString()}`);
    const runs = data.workflow_runs ?? [];
    seen = Math.max(seen, runs.length);
    const candidates = pickRuns(runs, { ...input, after });
    if (candidates.length > 1) throw ambiguous(input, candidates);
    if (candidates[0]) {
      input.claimed.add(candidates[0].id);
      return candidates[0];
    }
    if (ctx.clock.now().getTime() + input.intervalMs > input.deadline.getTime()) break;
    await sleepOrCancel(ctx.clock, input.intervalMs, input.signal, 'looking for the workflow run');
  }
  const by = input.correlationId ? `a title containing ${input.correlationId}` : input.headSha ? `head sha ${input.headSha.slice(0, 12)}` : 'its creation time';
  throw new ShipgateError(
    input.errorCode,
    `the dispatched run never appeared: no workflow_dispatch run of ${input.description} created after ${isoSeconds(after)} (GitHub's clock) matched ${by} (${seen} other run(s) seen)`,
    {
      hint: input.correlationId
        ? 'the workflow must show the correlation input in its title: run-name: "Deploy ${{ inputs.<correlationInput> }}"'
        : 'check the workflow has `on: workflow_dispatch` for this ref in the Actions tab',
    },
  );
}

/** Unclaimed workflow_dispatch runs after the dispatch matching the correlation id, or else the sha. */
export function pickRuns(runs: readonly WorkflowRun[], input: Pick<FindWorkflowRunInput, 'correlationId' | 'headSha' | 'claimed'> & { after: Date }): WorkflowRun[] {
  return runs.filter((run) => {
    if (run.event !== 'workflow_dispatch' || input.claimed.has(run.id)) return false;
    if (Date.parse(run.created_at) < input.after.getTime()) return false;
    if (input.correlationId) return [run.display_title, run.name].some((title) => title?.includes(input.correlationId!));
    return !input.headSha || run.head_sha === input.headSha;
  });
}

/** Several runs fit and nothing tells them apart: following one would risk reporting another person's deploy. */
function ambiguous(input: FindWorkflowRunInput, runs: WorkflowRun[]): ShipgateError {
  const listed = runs.map((run) => `${runLabel(run)} ${run.html_url}`).join(', ');
  return new ShipgateError(input.errorCode, `${input.description} was dispatched, but ${runs.length} runs on the same commit started within ${SAME_MOMENT_MS / 1000} s of it (${listed}): Shipgate cannot tell which one is its own and follows none`, {
    field: 'deploy.correlationInput',
    hint: 'check those runs on GitHub; set deploy.correlationInput to an input the workflow shows in its run-name, so each dispatch is found exactly',
  });
}

/** GitHub's search syntax takes seconds precision: 2026-11-26T10:00:00Z. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
