// Runs `sh -c <command>` through ctx.exec, streaming each line and keeping the last ones for errors.
import type { CoreContext, ExecResult } from '../context.js';

export const TAIL_LINES = 20;

export interface RunShellCommandInput {
  ctx: CoreContext;
  command: string;
  cwd: string;
  /** Added to ctx.env. */
  env: Record<string, string>;
  timeoutMs: number;
  log: (line: string, stream?: 'stdout' | 'stderr') => void;
  signal?: AbortSignal;
}

export interface ShellCommandResult extends ExecResult {
  /** The last TAIL_LINES output lines, stdout and stderr interleaved as they arrived. */
  tail: string[];
}

export async function runShellCommand(input: RunShellCommandInput): Promise<ShellCommandResult> {
  const tail: string[] = [];
  let streamed = false;
  const result = await input.ctx.exec('sh', ['-c', input.command], {
    cwd: input.cwd,
    env: { ...input.ctx.env, ...input.env },
    timeoutMs: input.timeoutMs,
    ...(input.signal ? { signal: input.signal } : {}),
    onLine: (line, stream) => {
      streamed = true;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      input.log(line, stream);
    },
  });
  // An exec that does not stream still yields its output for the error message.
  const lines = streamed ? tail : [...result.stdout.split('\n'), ...result.stderr.split('\n')].filter((line) => line !== '').slice(-TAIL_LINES);
  return { ...result, tail: lines };
}
