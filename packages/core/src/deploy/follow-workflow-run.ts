// Follows one workflow run until it completes; only `success` counts as a deploy. A cancel
// stops the run on GitHub before returning; a timeout says what is known (state, link) and
// leaves the run alone, so the next promote can follow it instead of dispatching another.
import type { CoreContext } from '../context.js';
import { isShipgateError, ShipgateError, type ErrorCode } from '../errors.js';
import { sleepOrCancel } from './abort.js';
import { cancelWorkflowRun } from './cancel-workflow-run.js';
import { runLabel, type WorkflowRun } from './find-workflow-run.js';
import type { GithubApi } from './github-api.js';

export interface FollowWorkflowRunInput {
  api: GithubApi;
  /** The same client without the release's cancel signal, to stop the run after a cancel. */
  stopApi: GithubApi;
  ctx: CoreContext;
  /** `/repos/owner/name` */
  repoPath: string;
  run: WorkflowRun;
  deadline: Date;
  intervalMs: number;
  log: (line: string, stream?: 'stdout' | 'stderr' | 'info' | 'warn') => void;
  signal?: AbortSignal;
  /** DEPLOY_FAILED for a deploy, ROLLBACK_FAILED for a rollback. */
  errorCode: ErrorCode;
  timeoutSeconds: number;
  /** Told every state seen, so an interrupted release knows the run's last state. */
  onState?: (run: WorkflowRun) => Promise<void>;
}

/** How long a cancelled run may take to stop (per cancel and force-cancel) before Shipgate says it would not. */
const STOP_WAIT_MS = 60_000;

/** Resolves with the completed, successful run; throws errorCode with the conclusion and link otherwise. */
export async function followWorkflowRun(input: FollowWorkflowRunInput): Promise<WorkflowRun> {
  let run = input.run;
  try {
    run = await untilCompleted(input);
  } catch (error) {
    if (isShipgateError(error) && error.code === 'CANCELLED' && input.signal?.aborted) throw await stopped(input, run);
    throw error;
  }
  if (run.conclusion !== 'success') {
    throw new ShipgateError(input.errorCode, `${runLabel(run)} concluded ${run.conclusion ?? 'without a conclusion'}: ${run.html_url}`, {
      hint: 'open the run to read its logs',
    });
  }
  input.log(`${runLabel(run)} succeeded`, 'info');
  return run;

  async function untilCompleted(follow: FollowWorkflowRunInput): Promise<WorkflowRun> {
    const { api, ctx, log } = follow;
    log(`${runLabel(run)} ${run.status}: ${run.html_url}`, 'info');
    await follow.onState?.(run);
    let lastStatus = run.status;
    while (run.status !== 'completed') {
      if (ctx.clock.now().getTime() >= follow.deadline.getTime()) throw stillRunning(follow, run);
      await sleepOrCancel(ctx.clock, follow.intervalMs, follow.signal, `following ${runLabel(run)} (${run.html_url})`);
      run = (await api.request<WorkflowRun>('GET', `${follow.repoPath}/actions/runs/${run.id}`)).data;
      if (run.status !== lastStatus) {
        log(`${runLabel(run)} ${run.status}`, 'info');
        lastStatus = run.status;
        await follow.onState?.(run);
      }
    }
    return run;
  }
}

/** After a cancel: stop the run on GitHub and wait for it, then report CANCELLED with how it ended. */
async function stopped(input: FollowWorkflowRunInput, run: WorkflowRun): Promise<ShipgateError> {
  const end = await cancelWorkflowRun({ api: input.stopApi, ctx: input.ctx, repoPath: input.repoPath, run, intervalMs: input.intervalMs, waitMs: STOP_WAIT_MS, log: input.log });
  if (end) await input.onState?.(end);
  if (!end) {
    return new ShipgateError('CANCELLED', `cancelled, but ${runLabel(run)} did not stop on GitHub within ${(2 * STOP_WAIT_MS) / 1000} s and may still deploy: ${run.html_url}`, {
      hint: 'cancel the run on GitHub before deploying anything else',
    });
  }
  const how = end.conclusion === 'cancelled' ? 'was cancelled on GitHub' : `had already finished (${end.conclusion ?? 'no conclusion'}) before the cancel reached it`;
  return new ShipgateError('CANCELLED', `cancelled; ${runLabel(end)} ${how}: ${end.html_url}`);
}

/** The timeout with what is known: the run still runs, may still change production, and is not cancelled. */
function stillRunning(input: FollowWorkflowRunInput, run: WorkflowRun): ShipgateError {
  return new ShipgateError(
    input.errorCode,
    `${runLabel(run)} was still ${run.status} after ${input.timeoutSeconds} s: ${run.html_url} — Shipgate stopped following it but did not cancel it, so it may still change production`,
    { hint: 'watch the run on GitHub; shipgate promote follows this same run again (no second dispatch), or cancel it on GitHub first, or raise deploy.timeout' },
  );
}
