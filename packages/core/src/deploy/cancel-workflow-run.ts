// Stops a workflow run Shipgate started (a cancelled release): POST …/cancel, then wait until
// GitHub reports it completed, so a rollback never races the deploy it replaces. A run that
// ignores the cancel is force-cancelled; one that already finished is reported as it ended.
import type { CoreContext } from '../context.js';
import { sleepOrCancel } from './abort.js';
import { runLabel, type WorkflowRun } from './find-workflow-run.js';
import type { GithubApi } from './github-api.js';

export interface CancelWorkflowRunInput {
  /** An API client without the (already aborted) release signal. */
  api: GithubApi;
  ctx: CoreContext;
  repoPath: string;
  run: WorkflowRun;
  intervalMs: number;
  /** How long to wait for each of cancel and force-cancel to take effect. */
  waitMs: number;
  log: (line: string, stream?: 'info' | 'warn') => void;
}

/** The run once completed (conclusion cancelled, or how it ended first); null when it would not stop. */
export async function cancelWorkflowRun(input: CancelWorkflowRunInput): Promise<WorkflowRun | null> {
  const { api, run } = input;
  const runPath = `${input.repoPath}/actions/runs/${run.id}`;
  for (const endpoint of ['cancel', 'force-cancel'] as const) {
    const answer = await api.send('POST', `${runPath}/${endpoint}`);
    if (answer.status !== 202 && answer.status !== 409) throw api.errorFor('POST', `${runPath}/${endpoint}`, answer);
    input.log(`${endpoint === 'cancel' ? 'cancelling' : 'force-cancelling'} ${runLabel(run)} on GitHub: ${run.html_url}`, 'warn');
    const stopped = await waitUntilCompleted(input, runPath);
    if (stopped) return stopped;
  }
  return null;
}

async function waitUntilCompleted(input: CancelWorkflowRunInput, runPath: string): Promise<WorkflowRun | null> {
  const until = input.ctx.clock.now().getTime() + input.waitMs;
  for (;;) {
    const current = (await input.api.request<WorkflowRun>('GET', runPath)).data;
    if (current.status === 'completed') {
      input.log(`${runLabel(current)} ${current.conclusion === 'cancelled' ? 'stopped (cancelled)' : `had already finished: ${current.conclusion ?? 'no conclusion'}`}`, 'warn');
      return current;
    }
    if (input.ctx.clock.now().getTime() + input.intervalMs > until) return null;
    await sleepOrCancel(input.ctx.clock, input.intervalMs, undefined, 'waiting for the cancelled run');
  }
}
