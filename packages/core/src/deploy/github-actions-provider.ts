// Deploys by dispatching a GitHub Actions workflow and following *that* run to success:
// GitHub names the run it created (return_run_details); only a server that does not is
// searched, by the correlation input or, weakest, by sha and time.
import { randomUUID } from 'node:crypto';
import type { GithubActionsDeployConfig } from '../config/config-types.js';
import { isShipgateError, ShipgateError, type ErrorCode } from '../errors.js';
import type { DeployInput, DeployProvider, DeployResult, ReleaseTarget, StartedDeployment } from './deploy-provider.js';
import { dispatchWorkflow } from './dispatch-workflow.js';
import { findWorkflowRun, runLabel, type WorkflowRun } from './find-workflow-run.js';
import { followWorkflowRun } from './follow-workflow-run.js';
import { githubActionsPreflight } from './github-actions-preflight.js';
import { createGithubApi, readGithubToken, repoPath, type GithubApi } from './github-api.js';
import { renderInputs } from './workflow-inputs.js';

/** A dispatched run normally shows up within seconds; give up on finding it after this. */
const LOOKUP_TIMEOUT_MS = 120_000;

export interface WorkflowDispatch {
  ref: string;
  inputs: Record<string, string>;
  /** The sha the run should be on, when ref is a tag Shipgate made. */
  headSha?: string;
  /** What the run deploys. */
  target: ReleaseTarget;
  /** deploy | rollback, for messages. */
  purpose: 'deploy' | 'rollback';
}

interface Session {
  config: GithubActionsDeployConfig;
  api: GithubApi;
  stopApi: GithubApi;
  repo: string;
  workflowPath: string;
  errorCode: ErrorCode;
  signal: AbortSignal | undefined;
}

export function createGithubActionsProvider(): DeployProvider {
  // Runs already matched to a dispatch of this process are never matched twice.
  const claimed = new Set<number>();

  function open(input: DeployInput, purpose: WorkflowDispatch['purpose']): Session {
    const config = githubActionsConfig(input);
    const signal = input.signal ?? input.ctx.signal;
    const errorCode: ErrorCode = purpose === 'deploy' ? 'DEPLOY_FAILED' : 'ROLLBACK_FAILED';
    const token = readGithubToken(input.ctx.env, config.tokenEnv, 'deploy.tokenEnv');
    const repo = repoPath(config.repository, 'deploy.repository');
    const base = { ctx: input.ctx, apiUrl: config.apiUrl, token, tokenEnv: config.tokenEnv, errorCode };
    const api = createGithubApi({ ...base, ...(signal ? { signal } : {}) });
    return { config, api, stopApi: createGithubApi(base), repo, workflowPath: `${repo}/actions/workflows/${encodeURIComponent(config.workflow)}`, errorCode, signal };
  }

  async function runWorkflow(input: DeployInput, dispatch: WorkflowDispatch): Promise<DeployResult> {
    const session = open(input, dispatch.purpose);
    const run = (await earlierRun(session, input, dispatch)) ?? (await dispatchRun(session, input, dispatch));
    const intervalMs = Math.max(100, session.config.pollSeconds * 1000);
    const deadline = new Date(input.ctx.clock.now().getTime() + session.config.timeoutSeconds * 1000);
    const onState = async (seen: WorkflowRun) => input.onStarted?.(startedFrom(seen, dispatch.target.tag));
    const done = await followWorkflowRun({
      api: session.api,
      stopApi: session.stopApi,
      ctx: input.ctx,
      repoPath: session.repo,
      run,
      deadline,
      intervalMs,
      log: input.log,
      errorCode: session.errorCode,
      timeoutSeconds: session.config.timeoutSeconds,
      onState,
      ...(session.signal ? { signal: session.signal } : {}),
    });
    return { detail: `${runLabel(done)} succeeded`, deploymentId: String(done.id), deploymentUrl: done.html_url };
  }

  /** The run an earlier attempt dispatched for this same release, when it is running or succeeded. */
  async function earlierRun(session: Session, input: DeployInput, dispatch: WorkflowDispatch): Promise<WorkflowRun | null> {
    const started = input.started;
    if (dispatch.purpose !== 'deploy' || !started || started.tag !== dispatch.target.tag) return null;
    const answer = await session.api.send<WorkflowRun>('GET', `${session.repo}/actions/runs/${encodeURIComponent(started.id)}`);
    if (answer.status === 404) return null;
    const run = session.api.accept('GET', `${session.repo}/actions/runs/${started.id}`, answer).data;
    if (run.status === 'completed' && run.conclusion !== 'success') {
      input.log(`${runLabel(run)} of an earlier attempt ended ${run.conclusion ?? 'without a conclusion'}: dispatching a new run`, 'info');
      return null;
    }
    claimed.add(run.id);
    input.log(`following ${runLabel(run)}, dispatched by an earlier attempt of ${dispatch.target.tag}, instead of dispatching again: ${run.html_url}`, 'info');
    return run;
  }

  async function dispatchRun(session: Session, input: DeployInput, dispatch: WorkflowDispatch): Promise<WorkflowRun> {
    const { config, api } = session;
    const { ctx, log } = input;
    const correlationId = config.correlationInput ? randomUUID() : undefined;
    const inputs = { ...dispatch.inputs, ...(config.correlationInput && correlationId ? { [config.correlationInput]: correlationId } : {}) };
    const description = `${config.workflow} on ${dispatch.ref}`;
    const sentAt = ctx.clock.now();
    const result = await dispatchWorkflow(api, session.workflowPath, { ref: dispatch.ref, inputs }, log);
    const names = Object.keys(inputs);
    log(`dispatched ${description} (${names.length > 0 ? `inputs: ${names.join(', ')}` : 'no inputs'})`, 'info');
    if (result.runId !== null) {
      await input.onStarted?.({ id: String(result.runId), tag: dispatch.target.tag });
      claimed.add(result.runId);
      return (await api.request<WorkflowRun>('GET', `${session.repo}/actions/runs/${result.runId}`)).data;
    }
    log(
      correlationId
        ? `GitHub did not return the run's id (no return_run_details on this server): finding the run by its ${config.correlationInput} input in the run-name`
        : "GitHub did not return the run's id (no return_run_details on this server) and deploy.correlationInput is not set: matching the run by sha and creation time, which cannot tell two dispatches of the same commit apart",
      'warn',
    );
    const intervalMs = Math.min(Math.max(100, config.pollSeconds * 1000), 5_000);
    try {
      const run = await findWorkflowRun({
        api,
        ctx,
        workflowPath: session.workflowPath,
        dispatchedAt: result.githubTime ?? sentAt,
        claimed,
        deadline: new Date(sentAt.getTime() + Math.min(config.timeoutSeconds * 1000, LOOKUP_TIMEOUT_MS)),
        intervalMs,
        description,
        errorCode: session.errorCode,
        ...(correlationId ? { correlationId } : {}),
        ...(dispatch.headSha ? { headSha: dispatch.headSha } : {}),
        ...(session.signal ? { signal: session.signal } : {}),
      });
      await input.onStarted?.(startedFrom(run, dispatch.target.tag));
      return run;
    } catch (error) {
      if (isShipgateError(error) && error.code === 'CANCELLED') {
        throw new ShipgateError('CANCELLED', `cancelled while looking for the run of ${description}: it was dispatched but not yet identified, so Shipgate could not stop it`, {
          hint: `cancel the run in the Actions tab of ${config.repository} before deploying anything else`,
        });
      }
      throw error;
    }
  }

  return {
    name: 'github-actions',
    async currentCommit() {
      return null;
    },
    async deploy(input) {
      const config = githubActionsConfig(input);
      const ref = config.ref ?? input.release.tag;
      return runWorkflow(input, {
        ref,
        inputs: renderInputs(config.inputs, input.release, input.previous?.version ?? ''),
        ...(ref === input.release.tag ? { headSha: input.release.commit } : {}),
        target: input.release,
        purpose: 'deploy',
      });
    },
    async rollback(input) {
      const config = githubActionsConfig(input);
      return runWorkflow(input, {
        ref: input.to.tag,
        inputs: renderInputs({ ...config.inputs, ...config.rollbackInputs }, input.to, input.release.version),
        headSha: input.to.commit,
        target: input.to,
        purpose: 'rollback',
      });
    },
    preflight: githubActionsPreflight,
  };
}

function startedFrom(run: WorkflowRun, tag: string): StartedDeployment {
  return { id: String(run.id), url: run.html_url, status: run.status, conclusion: run.conclusion, tag };
}

function githubActionsConfig(input: Pick<DeployInput, 'config'>): GithubActionsDeployConfig {
  if (input.config.provider !== 'github-actions') {
    throw new ShipgateError('INTERNAL', `github-actions provider called with deploy.provider ${input.config.provider}`);
  }
  return input.config;
}

export const githubActionsProvider: DeployProvider = createGithubActionsProvider();
