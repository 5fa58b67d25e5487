// Follows one workflow run until it completes; only `success` counts as a deploy.
import type { CoreContext } from '../context.js';
import { ShipgateError, type ErrorCode } from '../errors.js';
import { sleepOrCancel } from './abort.js';
import type { WorkflowRun } from './find-workflow-run.js';
import type { GithubApi } from './github-api.js';

export interface FollowWorkflowRunInput {
  api: GithubApi;
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
}

/** Resolves with the completed, successful run; throws errorCode with the conclusion and link otherwise. */
export async function followWorkflowRun(input: FollowWorkflowRunInput): Promise<WorkflowRun> {
  const { api, ctx, log } = input;
  let run = input.run;
  log(`run #${run.id} ${run.status}: ${run.html_url}`, 'info');
  let lastStatus = run.status;
  while (run.status !== 'completed') {
    if (ctx.clock.now().getTime() >= input.deadline.getTime()) {
      throw new ShipgateError(input.errorCode, `run #${run.id} was still ${run.status} after ${input.timeoutSeconds} s: ${run.html_url}`, {
        hint: 'cancel or finish the run on GitHub, or raise deploy.timeoutSeconds',
      });
    }
    await sleepOrCancel(ctx.clock, input.intervalMs, input.signal, `following run #${run.id} (${run.html_url})`);
    run = (await api.request<WorkflowRun>('GET', `${input.repoPath}/actions/runs/${run.id}`)).data;
    if (run.status !== lastStatus) {
      log(`run #${run.id} ${run.status}`, 'info');
      lastStatus = run.status;
    }
  }
  if (run.conclusion !== 'success') {
    throw new ShipgateError(input.errorCode, `run #${run.id} concluded ${run.conclusion ?? 'without a conclusion'}: ${run.html_url}`, {
      hint: 'open the run to read its logs',
    });
  }
  log(`run #${run.id} succeeded`, 'info');
  return run;
}
