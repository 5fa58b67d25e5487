// Deploys by running the user's command (vercel, netlify, fly …) with the release in its environment.
import type { CommandDeployConfig } from '../config/config-types.js';
import type { ErrorCode } from '../errors.js';
import { ShipgateError } from '../errors.js';
import type { DeployInput, DeployProvider, DeployResult, ReleaseTarget } from './deploy-provider.js';
import { commandPreflight } from './command-preflight.js';
import { runShellCommand } from './run-shell-command.js';

export const commandProvider: DeployProvider = {
  name: 'command',
  async currentCommit() {
    // A command cannot tell what production runs; rollback uses the previous release instead.
    return null;
  },
  async deploy(input) {
    const config = commandConfig(input);
    const env = releaseEnv(input.release, input.previous?.version ?? '');
    await runStep(input, config.command, env, 'DEPLOY_FAILED', 'deploy command');
    return { detail: `deploy command succeeded for ${input.release.tag}`, ...(await report(input, config, env)) };
  },
  cannotRollBack(config) {
    if (config.provider !== 'command' || config.rollbackCommand) return null;
    return new ShipgateError('ROLLBACK_FAILED', 'no deploy.rollbackCommand is configured, so Shipgate cannot put a release back', {
      field: 'deploy.rollbackCommand',
      hint: 'add deploy.rollbackCommand to .shipgate.yaml (it receives SHIPGATE_ROLLBACK_TO), or roll back by hand',
    });
  },
  async rollback(input) {
    const config = commandConfig(input);
    const refusal = commandProvider.cannotRollBack!(config);
    if (refusal) throw refusal;
    const env = { ...releaseEnv(input.to, input.release.version), SHIPGATE_ROLLBACK_TO: input.to.version };
    await runStep(input, config.rollbackCommand!, env, 'ROLLBACK_FAILED', 'rollback command');
    return { detail: `rollback command restored ${input.to.tag}`, ...(await report(input, config, env)) };
  },
  preflight: commandPreflight,
};

function releaseEnv(target: ReleaseTarget, previousVersion: string): Record<string, string> {
  return {
    SHIPGATE_VERSION: target.version,
    SHIPGATE_TAG: target.tag,
    SHIPGATE_COMMIT: target.commit,
    SHIPGATE_PREVIOUS_VERSION: previousVersion,
  };
}

async function runStep(input: DeployInput, command: string, env: Record<string, string>, code: ErrorCode, what: string): Promise<void> {
  const config = commandConfig(input);
  const signal = input.signal ?? input.ctx.signal;
  const result = await runShellCommand({
    ctx: input.ctx,
    command,
    cwd: config.cwd ?? input.repoDir,
    env,
    timeoutMs: config.timeoutSeconds * 1000,
    log: input.log,
    ...(signal ? { signal } : {}),
  });
  const tail = result.tail.length > 0 ? `\n--- last ${result.tail.length} line(s) ---\n${result.tail.join('\n')}` : '';
  if (result.cancelled) throw new ShipgateError('CANCELLED', `${what} cancelled; its process group was killed`);
  if (result.timedOut) {
    throw new ShipgateError(code, `${what} timed out after ${config.timeoutSeconds} s and was killed: ${command}${tail}`, {
      field: 'deploy.timeoutSeconds',
      hint: 'raise deploy.timeoutSeconds if the deploy is just slow',
    });
  }
  if (result.code !== 0) throw new ShipgateError(code, `${what} exited with code ${result.code}: ${command}${tail}`);
}

/** reportCommand's output: its first URL is the deployment URL, else the trimmed output is the id. */
async function report(input: DeployInput, config: CommandDeployConfig, env: Record<string, string>): Promise<Omit<DeployResult, 'detail'>> {
  if (!config.reportCommand) return {};
  const result = await runShellCommand({
    ctx: input.ctx,
    command: config.reportCommand,
    cwd: config.cwd ?? input.repoDir,
    env,
    timeoutMs: Math.min(config.timeoutSeconds, 60) * 1000,
    log: () => {},
  });
  if (result.code !== 0 || result.timedOut || result.cancelled) {
    input.log(`report command failed (${result.timedOut ? 'timed out' : `exit ${result.code}`}); the deployment id is not recorded`, 'warn');
    return {};
  }
  return parseReport(result.stdout);
}

export function parseReport(stdout: string): Omit<DeployResult, 'detail'> {
  const url = /https?:\/\/[^\s"'<>]+/.exec(stdout)?.[0];
  if (url) return { deploymentUrl: url };
  const id = stdout.trim();
  return id ? { deploymentId: id } : {};
}

function commandConfig(input: DeployInput): CommandDeployConfig {
  if (input.config.provider !== 'command') {
    throw new ShipgateError('INTERNAL', `command provider called with deploy.provider ${input.config.provider}`);
  }
  return input.config;
}
