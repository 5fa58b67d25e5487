// Runs git (argv, never a shell) with prompts and editors switched off.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function git(args: readonly string[], cwd?: string): Promise<string> {
  const { stdout } = await run('git', [...args], {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true' },
  });
  return stdout.trim();
}
