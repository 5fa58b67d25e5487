// The built `shipgate serve` as a real process for crash tests: start it on a free port,
// call its API with the token, wait for a state, and SIGKILL it mid-run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// the built CLI, as users run it (npm test builds first)
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const TOKEN = 'crash';

export interface ServerProcess {
  child: ChildProcess;
  api: (path: string, method?: string, body?: unknown) => Promise<Record<string, unknown>>;
  /** SIGKILL, and wait until the process is gone. */
  kill: () => Promise<void>;
}

export { freePort } from './free-port.js';

/** Starts `shipgate serve` for one project; the caller kills it (children lists every process started). */
export async function startServer(options: { dataDir: string; project: string; port: number; children: ChildProcess[] }): Promise<ServerProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the server first (pnpm run build)`);
  const argv = [CLI, 'serve', '--port', String(options.port), '--host', '127.0.0.1', '--data-dir', options.dataDir, '--project', options.project];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SHIPGATE_TOKEN: TOKEN } });
  options.children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${options.port}`;
  const api = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { child, api, kill };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${output}`);
}

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, tries = 600): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await fn();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}
