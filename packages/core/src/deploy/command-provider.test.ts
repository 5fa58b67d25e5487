import { describe, expect, it } from 'vitest';
import type { CommandDeployConfig } from '../config/config-types.js';
import type { ExecOptions, ExecResult } from '../context.js';
import { ShipgateError } from '../errors.js';
import { fakeContext } from '../testing/fake-context.js';
import { commandProvider, parseReport } from './command-provider.js';
import type { DeployInput } from './deploy-provider.js';

interface Call {
  command: string;
  args: readonly string[];
  options: ExecOptions;
}

/** exec that streams `lines` through onLine and ends with `result`, per script line of the command. */
function fakeExec(script: (call: Call) => { lines?: string[]; result?: Partial<ExecResult> }) {
  const calls: Call[] = [];
  const exec = async (command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> => {
    const call = { command, args, options };
    calls.push(call);
    const { lines = [], result = {} } = script(call);
    for (const line of lines) options.onLine?.(line, 'stdout');
    return { code: 0, stdout: lines.join('\n'), stderr: '', timedOut: false, cancelled: false, ...result };
  };
  return { exec, calls };
}

function input(exec: ReturnType<typeof fakeExec>['exec'], config: Partial<CommandDeployConfig> = {}, log: string[] = []): DeployInput {
  return {
    repoDir: '/repo',
    remote: 'origin',
    ctx: fakeContext({ exec, env: { PATH: '/usr/bin' } }),
    config: { provider: 'command', command: 'vercel --prod --yes', timeoutSeconds: 300, ...config },
    release: { version: '1.2.0', tag: 'v1.2.0', commit: 'a'.repeat(40) },
    previous: { version: '1.1.0', tag: 'v1.1.0', commit: 'c'.repeat(40) },
    log: (line) => log.push(line),
  };
}

async function caught(promise: Promise<unknown>): Promise<ShipgateError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShipgateError);
  return error as ShipgateError;
}

describe('commandProvider.deploy', () => {
  it('runs the command through sh -c in the repo with the release in its environment and streams its lines', async () => {
    const { exec, calls } = fakeExec(() => ({ lines: ['Deploying…', 'Done'] }));
    const log: string[] = [];
    const result = await commandProvider.deploy(input(exec, {}, log));
    expect(calls[0]?.command).toBe('sh');
    expect(calls[0]?.args).toEqual(['-c', 'vercel --prod --yes']);
    expect(calls[0]?.options.cwd).toBe('/repo');
    expect(calls[0]?.options.timeoutMs).toBe(300_000);
    expect(calls[0]?.options.env).toMatchObject({ PATH: '/usr/bin', SHIPGATE_VERSION: '1.2.0', SHIPGATE_TAG: 'v1.2.0', SHIPGATE_COMMIT: 'a'.repeat(40), SHIPGATE_PREVIOUS_VERSION: '1.1.0' });
    expect(log).toEqual(['Deploying…', 'Done']);
    expect(result.detail).toBe('deploy command succeeded for v1.2.0');
  });

  it('gives an empty SHIPGATE_PREVIOUS_VERSION on the first release and runs in deploy.cwd when set', async () => {
    const { exec, calls } = fakeExec(() => ({}));
    await commandProvider.deploy({ ...input(exec, { cwd: '/repo/web' }), previous: null });
    expect(calls[0]?.options.env?.['SHIPGATE_PREVIOUS_VERSION']).toBe('');
    expect(calls[0]?.options.cwd).toBe('/repo/web');
  });

  it('fails with the exit code and only the last 20 lines of output', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `line ${i + 1}`);
    const { exec } = fakeExec(() => ({ lines, result: { code: 3 } }));
    const error = await caught(commandProvider.deploy(input(exec)));
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toContain('exited with code 3');
    expect(error.message).toContain('line 6\n');
    expect(error.message).toContain('line 25');
    expect(error.message).not.toContain('line 5\n');
  });

  it('says a timed-out command was killed and after how long', async () => {
    const { exec } = fakeExec(() => ({ result: { code: 143, timedOut: true } }));
    const error = await caught(commandProvider.deploy(input(exec, { timeoutSeconds: 90 })));
    expect(error.message).toContain('timed out after 90 s and was killed');
    expect(error.location.field).toBe('deploy.timeoutSeconds');
  });

  it('turns a cancelled command into CANCELLED', async () => {
    const { exec } = fakeExec(() => ({ result: { code: 143, cancelled: true } }));
    expect((await caught(commandProvider.deploy(input(exec)))).code).toBe('CANCELLED');
  });

  it('records the report command’s first URL as the deployment URL', async () => {
    const { exec, calls } = fakeExec((call) => (call.args[1] === 'vercel ls' ? { lines: ['Production: https://acme-abc.vercel.app ready'] } : {}));
    const result = await commandProvider.deploy(input(exec, { reportCommand: 'vercel ls' }));
    expect(result.deploymentUrl).toBe('https://acme-abc.vercel.app');
    expect(calls[1]?.options.env?.['SHIPGATE_VERSION']).toBe('1.2.0');
  });

  it('keeps a successful deploy when the report command fails, with a warning', async () => {
    const { exec } = fakeExec((call) => (call.args[1] === 'report' ? { result: { code: 1 } } : {}));
    const log: string[] = [];
    const result = await commandProvider.deploy(input(exec, { reportCommand: 'report' }, log));
    expect(result.deploymentId).toBeUndefined();
    expect(log.at(-1)).toContain('report command failed (exit 1)');
  });
});

describe('commandProvider.rollback', () => {
  it('runs the rollback command with SHIPGATE_ROLLBACK_TO and the target release', async () => {
    const { exec, calls } = fakeExec(() => ({}));
    const base = input(exec, { rollbackCommand: 'fly releases rollback' });
    const result = await commandProvider.rollback({ ...base, to: base.previous! });
    expect(calls[0]?.args).toEqual(['-c', 'fly releases rollback']);
    expect(calls[0]?.options.env).toMatchObject({ SHIPGATE_ROLLBACK_TO: '1.1.0', SHIPGATE_VERSION: '1.1.0', SHIPGATE_TAG: 'v1.1.0', SHIPGATE_COMMIT: 'c'.repeat(40), SHIPGATE_PREVIOUS_VERSION: '1.2.0' });
    expect(result.detail).toBe('rollback command restored v1.1.0');
  });

  it('fails with a hint to configure deploy.rollbackCommand when there is none', async () => {
    const { exec, calls } = fakeExec(() => ({}));
    const base = input(exec);
    const error = await caught(commandProvider.rollback({ ...base, to: base.previous! }));
    expect(error.code).toBe('ROLLBACK_FAILED');
    expect(error.hint).toContain('deploy.rollbackCommand');
    expect(calls).toHaveLength(0);
  });

  it('reports a failing rollback command as ROLLBACK_FAILED', async () => {
    const { exec } = fakeExec(() => ({ result: { code: 2 } }));
    const base = input(exec, { rollbackCommand: 'false' });
    expect((await caught(commandProvider.rollback({ ...base, to: base.previous! }))).code).toBe('ROLLBACK_FAILED');
  });
});

describe('parseReport', () => {
  it('takes the trimmed output as the deployment id when it holds no URL', () => {
    expect(parseReport('  dpl_8f2k1\n')).toEqual({ deploymentId: 'dpl_8f2k1' });
    expect(parseReport('\n')).toEqual({});
  });
});
