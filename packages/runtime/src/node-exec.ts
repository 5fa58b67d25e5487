// The exec port on node:child_process. Every child leads its own process group
// (detached), so a timeout or a cancel kills it together with everything it started.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Exec, ExecOptions, ExecResult } from '@shipgate/core';
import { createLineSplitter } from './line-splitter.js';

/** How long a killed group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 2_000;
/** How long output may still drain after the program exited (a background child can hold the pipes forever). */
export const DRAIN_AFTER_EXIT_MS = 250;

type Env = Record<string, string | undefined>;

export function createNodeExec(baseEnv: Env = process.env): Exec {
  return (command, args, options) => runProcess(command, args, options, baseEnv);
}

function runProcess(command: string, args: readonly string[], options: ExecOptions, baseEnv: Env): Promise<ExecResult> {
  const { signal } = options;
  if (signal?.aborted) {
    return Promise.resolve({ code: 130, stdout: '', stderr: 'cancelled before start', timedOut: false, cancelled: true });
  }
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: mergeEnv(baseEnv, options.env),
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    let timedOut = false;
    let cancelled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const killGroup = () => {
      signalGroup(child.pid, 'SIGTERM');
      graceTimer ??= setTimeout(() => signalGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
    };
    const timeoutTimer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup();
          }, options.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      killGroup();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (result: Omit<ExecResult, 'timedOut' | 'cancelled'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, timedOut, cancelled });
    };

    for (const stream of ['stdout', 'stderr'] as const) {
      const splitter = createLineSplitter((line) => options.onLine?.(line, stream));
      const readable = child[stream];
      readable.setEncoding('utf8');
      readable.on('data', (chunk: string) => {
        output[stream] += chunk;
        splitter.push(chunk);
      });
      readable.on('end', () => splitter.flush());
    }

    child.stdin.on('error', () => {}); // a child that exits without reading its input: EPIPE is not our failure
    child.stdin.end(options.input ?? '');

    child.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code === 'ENOENT' ? 127 : 126;
      const why = error.code === 'ENOENT' ? 'command not found' : error.message;
      finish({ code, stdout: output.stdout, stderr: `${output.stderr}${command}: ${why}\n` });
    });
    child.on('close', (code, killedBy) => {
      finish({ code: code ?? exitCodeOfSignal(killedBy), stdout: output.stdout, stderr: output.stderr });
    });
    child.on('exit', (code, killedBy) => {
      // `server &` leaves a grandchild holding stdout open: do not wait for it once the program is done
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish({ code: code ?? exitCodeOfSignal(killedBy), stdout: output.stdout, stderr: output.stderr });
      }, DRAIN_AFTER_EXIT_MS).unref();
    });
  });
}

function signalGroup(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, name);
  } catch {
    // ESRCH: the group is already gone
  }
}

function exitCodeOfSignal(name: NodeJS.Signals | null): number {
  return name === null ? 1 : 128 + (constants.signals[name] ?? 0);
}

function mergeEnv(base: Env, overrides: Env | undefined): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, ...overrides })) if (value !== undefined) merged[key] = value;
  return merged;
}
