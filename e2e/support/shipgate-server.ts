// Starts the real `shipgate serve` (built CLI) on a fixture, and talks to its API as the
// deployer to set up state. Stopped by its own child's pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';

export const DEPLOYER_TOKEN = 'e2e-deployer-token';
export const VIEWER_TOKEN = 'e2e-viewer-token';
const CLI = resolve(fileURLToPath(new URL('../../apps/server/dist/cli/main.js', import.meta.url)));

export interface Release {
  id: string;
  status: string;
  version: string | null;
}

export class ShipgateServer {
  private output = '';

  private child: ChildProcess;

  private constructor(
    readonly baseUrl: string,
    private readonly argv: string[],
    private readonly env: Record<string, string> = {},
  ) {
    this.child = this.spawnChild();
  }

  /** `extra`: more `serve` arguments (e.g. --config) and environment, on a port chosen beforehand. */
  static async start(projectDir: string, extra: { port?: number; args?: string[]; env?: Record<string, string> } = {}): Promise<ShipgateServer> {
    const port = extra.port ?? (await freePort());
    const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-e2e-data-'));
    const argv = [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir, '--project', projectDir, ...(extra.args ?? [])];
    const server = new ShipgateServer(`http://127.0.0.1:${port}`, argv, extra.env);
    await server.waitUntilHealthy();
    return server;
  }

  /** Stops the server and starts it again on the same port and data dir. */
  async restart(): Promise<void> {
    await this.stop();
    this.child = this.spawnChild();
    await this.waitUntilHealthy();
  }

  private spawnChild(): ChildProcess {
    const child = spawn(process.execPath, this.argv, {
      env: { ...process.env, SHIPGATE_TOKEN: DEPLOYER_TOKEN, SHIPGATE_VIEWER_TOKEN: VIEWER_TOKEN, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    return child;
  }

  signInUrl(token = DEPLOYER_TOKEN, path = '/'): string {
    return `${this.baseUrl}${path}?token=${encodeURIComponent(token)}`;
  }

  async api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${DEPLOYER_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Promote through the API and wait until the release settles. */
  async promoteAndWait(projectId = 'acme-web', timeoutMs = 60_000): Promise<Release> {
    const release = await this.api<Release>('POST', `/api/projects/${projectId}/releases`, {});
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await this.api<Release>('GET', `/api/releases/${release.id}`);
      if (!['queued', 'running', 'monitoring', 'rolling_back'].includes(now.status)) return now;
      if (Date.now() > deadline) throw new Error(`release ${release.id} still ${now.status}\n${this.output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`shipgate serve exited ${this.child.exitCode}\n${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`shipgate serve did not become healthy\n${this.output}`);
  }
}
