import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loggerOptions } from './plugins/logger-options.js';
import { serve, type RunningServer } from './serve.js';
import { FakeEngine } from './testing/fake-engine.js';
import { makeGitFixture } from './testing/git-fixture.js';

let server: RunningServer | undefined;
afterEach(async () => server?.close());
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('serve', () => {
  it('without a configured token generates one into <dataDir>/token (0600) and prints a ready-to-open URL', async () => {
    const dataDir = tmp('shipgate-serve-');
    const lines: string[] = [];
    const saved = process.env.SHIPGATE_TOKEN;
    delete process.env.SHIPGATE_TOKEN;
    try {
      server = await serve({ port: 0, host: '127.0.0.1', dataDir, projects: [makeGitFixture().app], engine: new FakeEngine(), handleSignals: false, print: (l) => lines.push(l) });
    } finally {
      if (saved !== undefined) process.env.SHIPGATE_TOKEN = saved;
    }
    const token = readFileSync(join(dataDir, 'token'), 'utf8').trim();
    expect(statSync(join(dataDir, 'token')).mode & 0o777).toBe(0o600);
    expect(lines).toEqual([`Shipgate is running at ${server.url}/?token=${token}`]);
    const projects = await fetch(`${server.url}/api/projects`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await projects.json()) as unknown[]).length).toBe(1);
  });

  it('serves the built dashboard with an SPA fallback, and JSON 404s under /api', async () => {
    const webRoot = tmp('shipgate-web-');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Shipgate</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    server = await serve({ port: 0, host: '127.0.0.1', dataDir: tmp('shipgate-serve-'), projects: [], token: 't', webRoot, engine: new FakeEngine(), handleSignals: false, print: () => {} });
    const deep = await fetch(`${server.url}/releases/rel_123`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Shipgate</title>');
    expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toBe('console.log(1)');
    const api = await fetch(`${server.url}/api/nope`, { headers: { authorization: 'Bearer t' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
  });

  it('never logs a token: the Authorization header, cookies and ?token= are redacted', async () => {
    let logged = '';
    const stream = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
    const app = await buildApp({ dataDir: tmp('shipgate-log-'), tokens: { deployer: 'super-secret-token' }, engine: new FakeEngine(), logger: loggerOptions(stream) });
    await app.inject({ url: '/api/projects', headers: { authorization: 'Bearer super-secret-token', cookie: 'shipgate_session=also-secret' } });
    await app.inject({ url: '/api/ws?token=super-secret-token&x=1' });
    await app.close();
    expect(logged).toContain('/api/projects');
    expect(logged).toContain('token=[redacted]');
    expect(logged).not.toContain('super-secret-token');
    expect(logged).not.toContain('also-secret');
  });
});

describe('serve on a data dir already in use', () => {
  it('refuses to start a second server on the same data dir, and starts once the first is closed', async () => {
    const dataDir = tmp('shipgate-lock-');
    const options = { port: 0, host: '127.0.0.1', dataDir, projects: [], token: 't', engine: new FakeEngine(), handleSignals: false, print: () => {} };
    server = await serve(options);
    await expect(serve(options)).rejects.toThrow(/another shipgate server/);
    await server.close();
    server = await serve(options);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
