import { describe, expect, it } from 'vitest';
import type { CheckTiming, CommandCheckConfig, TcpCheckConfig } from '../config/config-types.js';
import type { ExecOptions, ExecResult } from '../context.js';
import { fakeContext } from '../testing/fake-context.js';
import { commandCheck } from './command-check.js';
import { tcpCheck } from './tcp-check.js';

const timing: CheckTiming = {
  timeoutSeconds: 2,
  intervalSeconds: 5,
  initialDelaySeconds: 0,
  successThreshold: 1,
  failureThreshold: 3,
  deadlineSeconds: 60,
  severity: 'critical',
};
const tcp: TcpCheckConfig = { ...timing, kind: 'tcp', name: 'db', host: 'db.internal', port: 5432 };
const command: CommandCheckConfig = { ...timing, kind: 'command', name: 'cache', command: 'redis-cli ping', expectOutput: 'PONG' };

function execContext(result: Partial<ExecResult>) {
  const calls: Array<{ command: string; args: readonly string[]; options: ExecOptions }> = [];
  const ctx = fakeContext({
    exec: async (cmd, args, options) => {
      calls.push({ command: cmd, args, options });
      return { code: 0, stdout: '', stderr: '', timedOut: false, cancelled: false, ...result };
    },
  });
  return { ctx, calls };
}

describe('tcp check', () => {
  it('passes when the connection opens, with the attempt timeout', async () => {
    const seen: unknown[] = [];
    const ctx = fakeContext({ net: { connect: async (...args) => void seen.push(args) } });
    const result = await tcpCheck.attempt({ config: tcp, ctx, version: '1', timeoutMs: 2_000, cwd: '.' });
    expect(result).toMatchObject({ outcome: 'pass', observed: 'connected' });
    expect(seen).toEqual([['db.internal', 5432, 2_000]]);
  });

  it('cannot measure a refused connection', async () => {
    const ctx = fakeContext({ net: { connect: async () => Promise.reject(new Error('connection refused')) } });
    const result = await tcpCheck.attempt({ config: tcp, ctx, version: '1', timeoutMs: 2_000, cwd: '.' });
    expect(result).toEqual({ outcome: 'unknown', observed: 'connection refused', detail: 'could not connect: connection refused', latencyMs: null });
  });

  it('rejects a port outside 1-65535', () => {
    expect(() => tcpCheck.validate({ ...tcp, port: 70_000 })).toThrow(/not a TCP port/);
    expect(tcpCheck.target(tcp, '1')).toBe('db.internal:5432');
  });
});

describe('command check', () => {
  it('runs the templated command through sh -c with the version in its environment', async () => {
    const { ctx, calls } = execContext({ stdout: 'PONG\n' });
    const config = { ...command, command: 'check-version {{version}}' };
    const result = await commandCheck.attempt({ config, ctx, version: '1.4.0', timeoutMs: 2_000, cwd: '/app' });
    expect(result).toMatchObject({ outcome: 'pass', observed: 'PONG' });
    expect(calls[0]).toMatchObject({ command: 'sh', args: ['-c', 'check-version 1.4.0'], options: { cwd: '/app', timeoutMs: 2_000, env: { SHIPGATE_VERSION: '1.4.0' } } });
  });

  it('fails on a non-zero exit with the last output line', async () => {
    const { ctx } = execContext({ code: 2, stderr: 'connecting\nno response from server\n' });
    expect(await commandCheck.attempt({ config: command, ctx, version: '1', timeoutMs: 2_000, cwd: '.' })).toMatchObject({
      outcome: 'fail',
      observed: 'exit 2',
      detail: 'exit 2: no response from server',
    });
  });

  it('fails when the expected output is missing', async () => {
    const { ctx } = execContext({ stdout: 'LOADING\n' });
    expect(await commandCheck.attempt({ config: command, ctx, version: '1', timeoutMs: 2_000, cwd: '.' })).toMatchObject({
      outcome: 'fail',
      observed: 'LOADING',
      detail: 'output does not contain "PONG"',
    });
  });

  it('cannot measure a command that timed out or does not exist', async () => {
    const timedOut = execContext({ code: 143, timedOut: true });
    expect(await commandCheck.attempt({ config: command, ctx: timedOut.ctx, version: '1', timeoutMs: 2_000, cwd: '.' })).toMatchObject({
      outcome: 'unknown',
      observed: 'timed out after 2000 ms',
    });
    const missing = execContext({ code: 127, stderr: 'sh: 1: redis-cli: not found\n' });
    expect(await commandCheck.attempt({ config: command, ctx: missing.ctx, version: '1', timeoutMs: 2_000, cwd: '.' })).toMatchObject({
      outcome: 'unknown',
      detail: 'could not run: sh: 1: redis-cli: not found',
    });
  });
});
