// Runs the git CLI for the server's own clones (never a shell; never an editor or a prompt).
import { execFile } from 'node:child_process';

const ENV = { GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', GIT_ASKPASS: 'true' };

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env: { ...process.env, ...ENV }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/** Like git(), but a non-zero exit throws with git's own message. */
export async function gitOrThrow(cwd: string, args: readonly string[]): Promise<string> {
  const result = await git(cwd, args);
  if (result.code !== 0) {
    throw Object.assign(new Error(`git ${args[0]} failed: ${result.stderr || result.stdout}`), { code: 'GIT_FAILED' });
  }
  return result.stdout;
}
