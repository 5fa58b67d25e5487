// Deploys by dispatching a GitHub Actions workflow and following *that* run to success.
import { randomUUID } from 'node:crypto';
import type { GithubActionsDeployConfig } from '../config/config-types.js';
import { ShipgateError, type ErrorCode } from '../errors.js';
import type { DeployInput, DeployProvider, DeployResult, ReleaseTarget } from './deploy-provider.js';
import { findWorkflowRun } from './find-workflow-run.js';
import { followWorkflowRun } from './follow-workflow-run.js';
import { createGithubApi, readGithubToken, repoPath } from './github-api.js';

/** Runs created this long before our clock's dispatch time still count (clock skew with GitHub). */
const CLOCK_SKEW_MS = 5_000;
/** A dispatched run normally shows up within seconds; give up on finding it after this. */
const LOOKUP_TIMEOUT_MS = 120_000;

export interface WorkflowDispatch {
  ref: string;
  inputs: Record<string, string>;
  /** The sha the run should be on, when ref is a tag Shipgate made. */
  headSha?: string;
  /** deploy | rollback, for messages. */
  purpose: 'deploy' | 'rollback';
}

export function createGithubActionsProvider(): DeployProvider {
  // Runs already matched to a dispatch of this process are never matched twice.
  const claimed = new Set<number>();

  async function runWorkflow(input: DeployInput, dispatch: WorkflowDispatch): Promise<DeployResult> {
    const config = githubActionsConfig(input);
    const { ctx, log } = input;
    const signal = input.signal ?? ctx.signal;
    const errorCode: ErrorCode = dispatch.purpose === 'deploy' ? 'DEPLOY_FAILED' : 'ROLLBACK_FAILED';
    const token = readGithubToken(ctx.env, config.tokenEnv, 'deploy.tokenEnv');
    const repo = repoPath(config.repository, 'deploy.repository');
    const api = createGithubApi({ ctx, apiUrl: config.apiUrl, token, tokenEnv: config.tokenEnv, errorCode, ...(signal ? { signal } : {}) });
    const workflowPath = `${repo}/actions/workflows/${encodeURIComponent(config.workflow)}`;
    const correlationId = config.correlationInput ? randomUUID() : undefined;
    const inputs = { ...dispatch.inputs, ...(config.correlationInput && correlationId ? { [config.correlationInput]: correlationId } : {}) };
    const description = `${config.workflow} on ${dispatch.ref}`;

    const startedAt = ctx.clock.now();
    const deadline = new Date(startedAt.getTime() + config.timeoutSeconds * 1000);
    const dispatchedAfter = new Date(startedAt.getTime() - CLOCK_SKEW_MS);
    await api.request('POST', `${workflowPath}/dispatches`, { ref: dispatch.ref, inputs });
    log(`dispatched ${description} (inputs: ${Object.keys(inputs).join(', ')})`, 'info');
    if (!correlationId && !dispatch.headSha) {
      log('matching the run by creation time only; set deploy.correlationInput to match it exactly', 'warn');
    }

    const intervalMs = Math.max(100, config.pollSeconds * 1000);
    const run = await findWorkflowRun({
      api,
      ctx,
      workflowPath,
      dispatchedAfter,
      claimed,
      deadline: new Date(Math.min(deadline.getTime(), startedAt.getTime() + LOOKUP_TIMEOUT_MS)),
      intervalMs: Math.min(intervalMs, 5_000),
      description,
      errorCode,
      ...(correlationId ? { correlationId } : {}),
      ...(dispatch.headSha ? { headSha: dispatch.headSha } : {}),
      ...(signal ? { signal } : {}),
    });
    const done = await followWorkflowRun({ api, ctx, repoPath: repo, run, deadline, intervalMs, log, errorCode, timeoutSeconds: config.timeoutSeconds, ...(signal ? { signal } : {}) });
    return { detail: `run #${done.id} succeeded`, deploymentId: String(done.id), deploymentUrl: done.html_url };
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
        inputs: { version: input.release.version, tag: input.release.tag, ...config.inputs },
        ...(ref === input.release.tag ? { headSha: input.release.commit } : {}),
        purpose: 'deploy',
      });
    },
    async rollback(input) {
      const config = githubActionsConfig(input);
      return runWorkflow(input, {
        ref: input.to.tag,
        inputs: rollbackInputs(config, input.to),
        headSha: input.to.commit,
        purpose: 'rollback',
      });
    },
  };
}

/** The rollback run deploys the previous release: its tag as ref, its version as input, plus deploy.rollbackInputs. */
function rollbackInputs(config: GithubActionsDeployConfig, to: ReleaseTarget): Record<string, string> {
  return { ...config.inputs, ...config.rollbackInputs, version: to.version, tag: to.tag };
}

function githubActionsConfig(input: DeployInput): GithubActionsDeployConfig {
  if (input.config.provider !== 'github-actions') {
    throw new ShipgateError('INTERNAL', `github-actions provider called with deploy.provider ${input.config.provider}`);
  }
  return input.config;
}

export const githubActionsProvider: DeployProvider = createGithubActionsProvider();
