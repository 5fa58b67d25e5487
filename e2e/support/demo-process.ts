// Starts the real `shipgate demo` (built CLI) as its own process group: a fresh sandbox in a
// temp dir, the demo production service, and the dashboard. The sign-in URL is read from what
// the demo prints; stop() ends the whole group. With `monitoring`, the sandbox is built first
// by the demo's own builder with shorter monitoring windows (the demo then reuses it), so a
// spec with several releases stays within minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './free-port.ts';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(REPO, 'apps/server/dist/cli/main.js');
export const DEMO_VIEWER_TOKEN = 'e2e-demo-viewer-token';

/** The monitoring section of the sandbox's .shipgate.yaml (durations such as '30s'). */
export interface DemoMonitoring {
  window: string;
  baseline: string;
  warmup: string;
  interval: string;
}

type BuildSandbox = (options: { root: string; servicePort: number; monitoring?: DemoMonitoring }) => unknown;

export class DemoProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    /** The sandbox: origin.git (the remote), app (the work clone the dashboard releases), data. */
    readonly root: string,
    /** The demo production service (it follows the sandbox's production branch). */
    readonly serviceUrl: string,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  /** The printed "Open the dashboard" URL, with its ?token=. */
  signInUrl = '';

  static async start(options: { monitoring?: DemoMonitoring } = {}): Promise<DemoProcess> {
    const [port, servicePort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-e2e-demo-'));
    if (options.monitoring) {
      const { buildSandbox } = (await import(pathToFileURL(join(REPO, 'apps/server/dist/demo/build-sandbox.js')).href)) as { buildSandbox: BuildSandbox };
      buildSandbox({ root: dataDir, servicePort, monitoring: options.monitoring });
    }
    const env: NodeJS.ProcessEnv = { ...process.env, SHIPGATE_VIEWER_TOKEN: DEMO_VIEWER_TOKEN };
    delete env['SHIPGATE_TOKEN']; // the demo must print its own sign-in link
    const child = spawn(process.execPath, [CLI, 'demo', '--port', String(port), '--service-port', String(servicePort), '--data-dir', dataDir], {
      cwd: REPO,
      env,
      detached: true, // its own process group, so stop() ends everything it started
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const demo = new DemoProcess(child, dataDir, `http://127.0.0.1:${servicePort}`);
    demo.signInUrl = await demo.waitForUrl();
    return demo;
  }

  get baseUrl(): string {
    return new URL(this.signInUrl).origin;
  }

  /** The deployer token the demo printed in its sign-in link (for the spec's own API reads). */
  get token(): string {
    return new URL(this.signInUrl).searchParams.get('token') ?? '';
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    process.kill(-pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (this.child.exitCode === null) process.kill(-pid, 'SIGKILL');
  }

  private async waitForUrl(): Promise<string> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const match = /Open the dashboard: (http:\/\/\S+\?token=\S+)/.exec(this.output);
      if (match?.[1]) return match[1];
      if (this.child.exitCode !== null) throw new Error(`shipgate demo exited ${this.child.exitCode}\n${this.output}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    await this.stop();
    throw new Error(`shipgate demo printed no dashboard URL\n${this.output}`);
  }
}
