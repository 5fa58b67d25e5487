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

  private constructor(
    readonly baseUrl: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  static async start(projectDir: string): Promise<ShipgateServer> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-e2e-data-'));
    const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir, '--project', projectDir], {
      env: { ...process.env, SHIPGATE_TOKEN: DEPLOYER_TOKEN, SHIPGATE_VIEWER_TOKEN: VIEWER_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ShipgateServer(`http://127.0.0.1:${port}`, child);
    await server.waitUntilHealthy();
    return server;
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
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
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
