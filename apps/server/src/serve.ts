// `shipgate serve`: build the app, register the --project dirs, listen, and shut down
// gracefully on SIGTERM/SIGINT (running steps get a grace period, then become interrupted).
import { ShipgateError } from '@shipgate/core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { newSecret } from './auth/token-verifier.js';
import { lockDataDir } from './data-dir-lock.js';
import type { Engine } from './engine.js';
import type { DemoControls } from './routes/demo-routes.js';
import { loggerOptions } from './plugins/logger-options.js';
import { isLoopbackAddress } from './plugins/site.js';
import { registerProject } from './projects/register-project.js';
import { loadServerSettings } from './settings/load-server-settings.js';
import type { ServerSettings } from './settings/server-settings.js';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  projects: string[];
  /** Deployer token; default SHIPGATE_TOKEN, else one generated into <dataDir>/token. */
  token?: string;
  /** Read-only token; default SHIPGATE_VIEWER_TOKEN. */
  viewerToken?: string;
  /** The URL people use to reach the server (a proxy in front of it); default SHIPGATE_PUBLIC_URL. */
  publicUrl?: string;
  /** The settings file (CONTRACT §7); default <dataDir>/server.yaml when it exists. */
  config?: string;
  /** Where the settings file's secret variables are read; default process.env. */
  env?: Record<string, string | undefined>;
  /** The built dashboard; default apps/web/dist of this workspace. */
  webRoot?: string;
  /** Log requests and errors as JSON lines (credentials redacted): true → stdout, or a stream. Default off. */
  log?: boolean | NodeJS.WritableStream;
  engine?: Engine;
  /** Handle SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
  shutdownGraceMs?: number;
  /** Where the startup line goes; default console.log. */
  print?: (line: string) => void;
  /** Demo-only controls (shipgate demo). */
  demo?: DemoControls;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

function tokenFile(dataDir: string): string {
  const file = join(dataDir, 'token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = newSecret();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

function parsePublicUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new ShipgateError('USAGE', `--public-url must be an http(s) URL such as https://shipgate.example.com, got "${text}"`, { field: 'public-url' });
  }
  return url.origin;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const configured = options.token ?? process.env.SHIPGATE_TOKEN;
  const token = configured || tokenFile(dataDir);
  const viewer = options.viewerToken ?? process.env.SHIPGATE_VIEWER_TOKEN;
  const publicUrl = parsePublicUrl(options.publicUrl ?? process.env.SHIPGATE_PUBLIC_URL);
  let settings: ServerSettings;
  try {
    settings = loadServerSettings({ file: options.config, dataDir, env: options.env ?? process.env });
  } catch (error) {
    unlock();
    throw error;
  }
  const app = await buildApp({
    settings,
    dataDir,
    tokens: { deployer: token, viewer: viewer || undefined },
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    publicUrl,
    anyHost: !isLoopbackAddress(options.host),
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.demo ? { demo: options.demo } : {}),
    ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }),
    logger: options.log ? loggerOptions(options.log === true ? undefined : options.log) : false,
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  try {
    for (const dir of options.projects) await registerProject(app.services, dir);
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    unlock();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  const print = options.print ?? ((line: string) => console.log(line));
  print(configured ? `Shipgate is running at ${url}/` : `Shipgate is running at ${url}/?token=${token}`);

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= app.close().then(unlock));
  if (options.handleSignals !== false) {
    const onSignal = () => {
      void close().then(() => process.exit(0));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { url, close };
}
