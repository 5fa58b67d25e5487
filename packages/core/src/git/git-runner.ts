// Runs git through ctx.exec, never interactively: no terminal prompt, no editor.
import type { CoreContext, ExecResult } from '../context.js';
import { ShipgateError } from '../errors.js';

export interface GitRunner {
  /** Runs git; throws GIT_FAILED (with stderr) on a non-zero exit. */
  run(args: readonly string[], options?: { input?: string; signal?: AbortSignal }): Promise<string>;
  /** Runs git and returns the raw result, whatever the exit code. */
  try(args: readonly string[], options?: { input?: string; signal?: AbortSignal }): Promise<ExecResult>;
}

const GIT_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_EDITOR: 'true',
  GIT_SEQUENCE_EDITOR: 'true',
  GIT_ASKPASS: 'echo',
  SSH_ASKPASS: 'echo',
  GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
  LC_ALL: 'C',
} as const;

export function createGitRunner(ctx: CoreContext, cwd: string, extraEnv: Record<string, string> = {}): GitRunner {
  const env = { ...ctx.env, ...GIT_ENV, ...extraEnv };
  const exec = (args: readonly string[], options: { input?: string; signal?: AbortSignal } = {}) =>
    ctx.exec('git', args, {
      cwd,
      env,
      ...(options.input === undefined ? {} : { input: options.input }),
      // git commands are short and keep the repository consistent: only an explicit signal stops one
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: 120_000,
    });
  return {
    async run(args, options) {
      const result = await exec(args, options);
      if (result.code !== 0) throw gitFailed(args, result);
      return result.stdout.trim();
    },
    try: exec,
  };
}

/** The error `run` throws for a failed git command: its name and git's own words. */
export function gitFailed(args: readonly string[], result: ExecResult): ShipgateError {
  const what = args.filter((a) => !a.startsWith('-c') && !a.includes('=')).slice(0, 2).join(' ');
  return new ShipgateError('GIT_FAILED', `git ${what} failed: ${(result.stderr || result.stdout).trim() || `exit ${result.code}`}`);
}
