// Runs the BUILT shipgate CLI (apps/server/dist/cli/main.js) as a real process, stdin closed,
// asynchronously so in-process servers keep answering.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs?: number;
  /** Called with each stdout chunk and the child (to kill it mid-run). */
  onStdout?: (chunk: string, child: ChildProcess) => void;
  /** Called once with the child as it starts (to kill it from outside). */
  onSpawn?: (child: ChildProcess) => void;
}

export function runCli(args: string[], options: RunCliOptions): Promise<CliResult> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} does not exist: build the CLI first (pnpm --filter @shipgate/server run build)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, child);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function explain(result: CliResult): string {
  return `exit ${result.code ?? result.signal}\n--- stdout\n${result.stdout.slice(-2500)}\n--- stderr\n${result.stderr.slice(-2500)}`;
}
