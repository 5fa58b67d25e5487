// Plan-time gates of the github-actions provider: the token is set and accepted, the workflow
// exists and is active (GET …/workflows/{id}), and its file in the checkout has the
// `workflow_dispatch` trigger and declares exactly what Shipgate will send. Each of these
// used to surface only after main and the tag were pushed.
import type { GithubActionsDeployConfig } from '../config/config-types.js';
import { createGitRunner } from '../git/git-runner.js';
import type { GateResult } from '../model/plan-types.js';
import type { PreflightInput } from './deploy-provider.js';
import { createGithubApi, repoPath } from './github-api.js';
import { parseWorkflowFile, runNameShows, type WorkflowFile } from './workflow-file.js';
import { compareInputs } from './workflow-inputs.js';

const ACCESS = { id: 'deploy-provider', title: 'GitHub Actions workflow reachable' } as const;
const WORKFLOW = { id: 'deploy-workflow', title: 'Workflow accepts the dispatch' } as const;

export async function githubActionsPreflight(input: PreflightInput): Promise<GateResult[]> {
  if (input.config.provider !== 'github-actions') return [];
  const config = input.config;
  const access = await checkAccess(input, config);
  return [access.gate, await checkWorkflowFile(input, config, access.path)];
}

async function checkAccess(input: PreflightInput, config: GithubActionsDeployConfig): Promise<{ gate: GateResult; path: string | null }> {
  const fallbackPath = /^\d+$/.test(config.workflow) ? null : `.github/workflows/${config.workflow}`;
  const token = input.ctx.env[config.tokenEnv]?.trim();
  if (!token) {
    const detail = `environment variable ${config.tokenEnv} is not set: export ${config.tokenEnv}=<token with actions: write> (deploy.tokenEnv names the variable)`;
    return { gate: { ...ACCESS, status: 'fail', detail, evidence: { field: 'deploy.tokenEnv', value: config.tokenEnv } }, path: fallbackPath };
  }
  const api = createGithubApi({ ctx: input.ctx, apiUrl: config.apiUrl, token, tokenEnv: config.tokenEnv, maxAttempts: 2, maxWaitMs: 5_000, requestTimeoutMs: 10_000 });
  const where = `${config.workflow} in ${config.repository}`;
  const path = `${repoPath(config.repository, 'deploy.repository')}/actions/workflows/${encodeURIComponent(config.workflow)}`;
  let answer;
  try {
    answer = await api.send<{ id?: number; name?: string; path?: string; state?: string; message?: string }>('GET', path);
  } catch (error) {
    const detail = `cannot ask GitHub about ${where}: ${error instanceof Error ? error.message : String(error)} (check deploy.apiUrl ${config.apiUrl} and the network)`;
    return { gate: { ...ACCESS, status: 'fail', detail, evidence: { field: 'deploy.apiUrl' } }, path: fallbackPath };
  }
  const said = answer.data?.message ?? '';
  const fail = (detail: string, field: string): { gate: GateResult; path: string | null } => ({
    gate: { ...ACCESS, status: 'fail', detail, evidence: { field, value: answer.status } },
    path: fallbackPath,
  });
  if (answer.status === 401) return fail(`GitHub rejected the token in $${config.tokenEnv} (401 ${said || 'Bad credentials'}): put a valid token in ${config.tokenEnv}`, 'deploy.tokenEnv');
  if (answer.status === 404) {
    return fail(`GitHub has no workflow ${where} (404), or the token in $${config.tokenEnv} cannot see that repository: check deploy.repository and deploy.workflow`, 'deploy.workflow');
  }
  if (answer.status === 403) return fail(`GitHub refused to show ${where} (403 ${said}): the token in $${config.tokenEnv} needs actions: write on ${config.repository}`, 'deploy.tokenEnv');
  if (answer.status !== 200 || typeof answer.data !== 'object' || answer.data === null) {
    return fail(api.errorFor('GET', path, answer).message, 'deploy.apiUrl');
  }
  const workflow = answer.data;
  if (workflow.state && workflow.state !== 'active') {
    return fail(`${where} is ${workflow.state}: enable it in the repository's Actions tab`, 'deploy.workflow');
  }
  const detail = `${where} (${workflow.name ?? 'unnamed'}, id ${workflow.id ?? '?'}) is active; the token in $${config.tokenEnv} is accepted`;
  return { gate: { ...ACCESS, status: 'pass', detail }, path: workflow.path ?? fallbackPath };
}

async function checkWorkflowFile(input: PreflightInput, config: GithubActionsDeployConfig, path: string | null): Promise<GateResult> {
  if (!path) return { ...WORKFLOW, status: 'skip', detail: `workflow ${config.workflow} is an id and GitHub did not say which file it is: its inputs are not checked` };
  const shown = await createGitRunner(input.ctx, input.repoDir).try(['show', `HEAD:${path}`]);
  if (shown.code !== 0) {
    if (config.ref) return { ...WORKFLOW, status: 'skip', detail: `${path} is not in this checkout (the workflow runs from ${config.ref}): its inputs are not checked` };
    return { ...WORKFLOW, status: 'fail', detail: `${path} is not in HEAD, so the release tag will not have it and GitHub cannot run it there: commit the workflow file, or set deploy.ref`, evidence: { file: path } };
  }
  let file: WorkflowFile;
  try {
    file = parseWorkflowFile(shown.stdout);
  } catch (error) {
    return { ...WORKFLOW, status: 'fail', detail: `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`, evidence: { file: path } };
  }
  if (!file.hasDispatchTrigger) {
    return { ...WORKFLOW, status: 'fail', detail: `${path} has no workflow_dispatch trigger, so GitHub refuses to dispatch it (422): add \`workflow_dispatch:\` under \`on:\``, evidence: { file: path, field: 'on' } };
  }
  return inputsGate(config, file, path);
}

function inputsGate(config: GithubActionsDeployConfig, file: WorkflowFile, path: string): GateResult {
  const { undeclared, missingRequired, sent, notSent } = compareInputs(config, file);
  const declared = file.inputs.size > 0 ? [...file.inputs.keys()].join(', ') : 'no inputs';
  const evidence = { file: path, field: 'on.workflow_dispatch.inputs' };
  if (undeclared.length > 0) {
    const detail = `${path} declares ${declared}; .shipgate.yaml sends ${undeclared.join(', ')} which it does not declare (GitHub answers 422 Unexpected inputs): declare them under on.workflow_dispatch.inputs, or remove them from deploy.inputs`;
    return { ...WORKFLOW, status: 'fail', detail, evidence };
  }
  if (missingRequired.length > 0) {
    const example = missingRequired.map((name) => `${name}: '{{version}}'`).join(', ');
    const detail = `${path} requires ${missingRequired.join(', ')} without a default, and deploy.inputs does not give ${missingRequired.length > 1 ? 'them' : 'it'}: add to deploy.inputs, e.g. { ${example} }`;
    return { ...WORKFLOW, status: 'fail', detail, evidence };
  }
  const parts = [`${path} declares ${declared}`, `sends ${sent.length > 0 ? sent.join(', ') : 'none'}`];
  if (notSent.length > 0) parts.push(`not sent (its default applies): ${notSent.join(', ')}`);
  if (config.correlationInput && !runNameShows(file.runName, config.correlationInput)) {
    parts.push(`note: its run-name does not show inputs.${config.correlationInput}, so a GitHub without return_run_details could not find the run by it`);
  }
  return { ...WORKFLOW, status: 'pass', detail: parts.join('; '), evidence };
}
