// Finds the run a workflow_dispatch created. The dispatch endpoint answers 204 without
// the run id, so the run is matched by correlation id, or by sha and creation time.
import type { CoreContext } from '../context.js';
import { ShipgateError, type ErrorCode } from '../errors.js';
import { sleepOrCancel } from './abort.js';
import type { GithubApi } from './github-api.js';

export interface WorkflowRun {
  id: number;
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

export interface FindWorkflowRunInput {
  api: GithubApi;
  ctx: CoreContext;
  /** `/repos/owner/name/actions/workflows/deploy.yml` */
  workflowPath: string;
  /** Clock time taken just before the dispatch (already minus the skew tolerance). */
  dispatchedAfter: Date;
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

export async function findWorkflowRun(input: FindWorkflowRunInput): Promise<WorkflowRun> {
  const { api, ctx } = input;
  const query = new URLSearchParams({ event: 'workflow_dispatch', created: `>=${isoSeconds(input.dispatchedAfter)}`, per_page: '100' });
  if (input.headSha) query.set('head_sha', input.headSha);
  let seen = 0;
  for (;;) {
    const { data } = await api.request<{ workflow_runs?: WorkflowRun[] }>('GET', `${input.workflowPath}/runs?${query.toString()}`);
    const runs = data.workflow_runs ?? [];
    seen = Math.max(seen, runs.length);
    const run = pickRun(runs, input);
    if (run) {
      input.claimed.add(run.id);
      return run;
    }
    if (ctx.clock.now().getTime() + input.intervalMs > input.deadline.getTime()) break;
    await sleepOrCancel(ctx.clock, input.intervalMs, input.signal, 'looking for the workflow run');
  }
  const by = input.correlationId ? `a title containing ${input.correlationId}` : input.headSha ? `head sha ${input.headSha.slice(0, 12)}` : 'its creation time';
  throw new ShipgateError(
    input.errorCode,
    `the dispatched run never appeared: no workflow_dispatch run of ${input.description} created after ${isoSeconds(input.dispatchedAfter)} matched ${by} by ${isoSeconds(input.deadline)} (${seen} other run(s) seen)`,
    {
      hint: input.correlationId
        ? 'the workflow must show the correlation input in its title: run-name: "Deploy ${{ inputs.<correlationInput> }}"'
        : 'check the workflow has `on: workflow_dispatch` for this ref in the Actions tab',
    },
  );
}

/** The earliest unclaimed run after the dispatch that matches the correlation id or sha. */
export function pickRun(runs: readonly WorkflowRun[], input: Pick<FindWorkflowRunInput, 'dispatchedAfter' | 'correlationId' | 'headSha' | 'claimed'>): WorkflowRun | undefined {
  const after = input.dispatchedAfter.getTime();
  const candidates = runs.filter((run) => {
    if (run.event !== 'workflow_dispatch' || input.claimed.has(run.id)) return false;
    if (Date.parse(run.created_at) < after) return false;
    if (input.correlationId) return [run.display_title, run.name].some((title) => title?.includes(input.correlationId!));
    return !input.headSha || run.head_sha === input.headSha;
  });
  return candidates.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id)[0];
}

/** GitHub's search syntax takes seconds precision: 2026-11-26T10:00:00Z. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
