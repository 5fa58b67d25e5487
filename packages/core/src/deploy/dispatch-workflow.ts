// POST …/dispatches, asking GitHub for the run it creates (`return_run_details`, GitHub's
// changelog of 2026-02-19: 200 with `workflow_run_id`). Servers without it answer 204
// (ignored) or 400 (GHES 3.20 and older refuse the unknown key; nothing was dispatched, so
// Shipgate dispatches again without it); then the caller has to find the run in the list.
import { ShipgateError } from '../errors.js';
import type { GithubApi, GithubResponse } from './github-api.js';

export interface DispatchResult {
  /** The run GitHub created, when it said so. */
  runId: number | null;
  /** GitHub's clock at the dispatch (its `Date` header), when it sent one. */
  githubTime: Date | null;
}

interface RunDetails {
  workflow_run_id?: number;
}

export async function dispatchWorkflow(
  api: GithubApi,
  workflowPath: string,
  body: { ref: string; inputs: Record<string, string> },
  log: (line: string, stream?: 'info' | 'warn') => void,
): Promise<DispatchResult> {
  const path = `${workflowPath}/dispatches`;
  let response = await api.send<RunDetails | null>('POST', path, { ...body, return_run_details: true });
  if (response.status === 400 && /return_run_details/.test(JSON.stringify(response.data))) {
    log('this GitHub does not know return_run_details (GitHub Enterprise 3.20 or older): dispatching without it', 'warn');
    response = await api.send<RunDetails | null>('POST', path, body);
  }
  if (response.status < 200 || response.status >= 300) throw refusal(api, path, response);
  api.accept('POST', path, response);
  const runId = response.status === 200 && typeof response.data?.workflow_run_id === 'number' ? response.data.workflow_run_id : null;
  const date = Date.parse(response.headers['date'] ?? '');
  return { runId, githubTime: Number.isNaN(date) ? null : new Date(date) };
}

/** GitHub's 422s for a dispatch, with what to change in the workflow or in .shipgate.yaml. */
function refusal(api: GithubApi, path: string, response: GithubResponse<unknown>): ShipgateError {
  const error = api.errorFor('POST', path, response);
  if (response.status !== 422) return error;
  if (/Unexpected inputs/i.test(error.message)) {
    return new ShipgateError(error.code, error.message, {
      field: 'deploy.inputs',
      hint: 'the workflow does not declare these inputs: declare them under on.workflow_dispatch.inputs, or remove them from deploy.inputs (shipgate plan lists what the workflow declares)',
    });
  }
  if (/Required input/i.test(error.message)) {
    return new ShipgateError(error.code, error.message, { field: 'deploy.inputs', hint: "give the input a value in deploy.inputs (e.g. version: '{{version}}')" });
  }
  if (/workflow_dispatch/i.test(error.message)) {
    return new ShipgateError(error.code, error.message, { field: 'deploy.workflow', hint: 'add `on: workflow_dispatch` to the workflow file on the ref being deployed' });
  }
  return error;
}
