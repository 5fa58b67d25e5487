import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeExec } from './node-exec.js';
import { isProcessAlive } from './testing/process-liveness.js';

const exec = createNodeExec({ PATH: process.env.PATH, BASE_ONLY: 'from-base' });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-exec-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function waitUntil(predicate: () => boolean, ms = 5_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return predicate();
}

describe('node exec', () => {
  it('runs a program with argv, without a shell, and collects both streams', async () => {
    const result = await exec('node', ['-e', 'console.log(process.argv[1]); console.error("warn")', '$HOME; echo no'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '$HOME; echo no\n', stderr: 'warn\n', timedOut: false, cancelled: false });
  });

  it('returns a non-zero exit code instead of throwing', async () => {
    const result = await exec('sh', ['-c', 'echo oops >&2; exit 3'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('oops\n');
  });

  it('reports a missing program as exit 127 with its name in stderr', async () => {
    const result = await exec('shipgate-no-such-program', [], { cwd: dir });
    expect(result.code).toBe(127);
    expect(result.stderr).toContain('shipgate-no-such-program: command not found');
  });

  it('streams complete lines of both streams as they arrive, including a last line without newline', async () => {
    const lines: string[] = [];
    await exec('sh', ['-c', 'printf "one\\ntw"; sleep 0.1; printf "o\\n"; echo err >&2; printf tail'], {
      cwd: dir,
      onLine: (line, stream) => lines.push(`${stream}:${line}`),
    });
    expect(lines.filter((l) => l.startsWith('stdout:'))).toEqual(['stdout:one', 'stdout:two', 'stdout:tail']);
    expect(lines).toContain('stderr:err');
  });

  it('passes input on stdin, the working directory and the environment over the base one', async () => {
    const result = await exec('sh', ['-c', 'cat; pwd; echo "$BASE_ONLY $EXTRA ${REMOVED:-unset}"'], {
      cwd: dir,
      input: 'hello\n',
      env: { EXTRA: 'extra', REMOVED: undefined },
    });
    expect(result.stdout).toBe(`hello\n${realpathSync(dir)}\nfrom-base extra unset\n`);
  });

  it('kills the whole process group on timeout, grandchildren included', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const started = Date.now();
    const result = await exec('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { cwd: dir, timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(result.code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    const grandchild = Number((await readFile(pidFile, 'utf8')).trim());
    expect(await waitUntil(() => !isProcessAlive(grandchild))).toBe(true);
  });

  it('kills the process group when the signal aborts and marks the result cancelled', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await exec('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { cwd: dir, signal: controller.signal });
    expect(result.cancelled).toBe(true);
    expect(result.timedOut).toBe(false);
    const grandchild = Number((await readFile(pidFile, 'utf8')).trim());
    expect(await waitUntil(() => !isProcessAlive(grandchild))).toBe(true);
  });

  it('falls back to SIGKILL when the process ignores SIGTERM', async () => {
    const started = Date.now();
    const result = await exec('sh', ['-c', "trap '' TERM; while true; do sleep 0.05; done"], { cwd: dir, timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBe(137);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('returns once the program exits even when a background child keeps its output open', async () => {
    const started = Date.now();
    const result = await exec('sh', ['-c', 'sleep 30 & echo "$!"'], { cwd: dir, timeoutMs: 10_000 });
    const background = Number(result.stdout.trim());
    process.kill(background, 'SIGKILL');
    expect(result).toMatchObject({ code: 0, timedOut: false });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('does not start the program when the signal has already aborted', async () => {
    const result = await exec('sh', ['-c', `touch ${join(dir, 'ran')}`], { cwd: dir, signal: AbortSignal.abort() });
    expect(result.cancelled).toBe(true);
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });
});
