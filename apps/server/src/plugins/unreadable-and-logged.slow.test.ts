// Item 5 of issue 10, over real sockets: a 100 KB URL answers 414 and 100 KB of headers 431,
// each in the JSON error shape and without resetting the connection; and `serve` logs every
// request and error as JSON lines, so "see the server log" is true — with no token, cookie or
// ?token= anywhere in the log.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../serve.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { makeGitFixture } from '../testing/git-fixture.js';
import { rawRequest, wsStatus } from '../testing/raw-http.js';

let server: RunningServer | undefined;
afterEach(async () => server?.close());

const SECRET = 'super-secret-deployer-token';

class BrokenPlanEngine extends FakeEngine {
  override async planRelease(): Promise<never> {
    throw new Error('disk on fire at /var/lib/secret-path');
  }
}

async function start(engine = new FakeEngine()) {
  let logged = '';
  const log = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
  const fixture = makeGitFixture();
  server = await serve({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'shipgate-log-')), projects: [fixture.app], token: SECRET, viewerToken: 'viewer-secret-token', engine, handleSignals: false, print: () => {}, log });
  const port = Number(new URL(server.url).port);
  return { port, url: server.url, log: () => logged };
}

describe('unreadable requests', () => {
  it('a 100 KB URL answers 414 and 100 KB of headers 431, as JSON { error, message }, and the client reads it (no reset)', async () => {
    const { url } = await start();
    const long = await fetch(`${url}/api/projects?x=${'a'.repeat(100 * 1024)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get('content-type')).toContain('application/json');
    expect(await long.json()).toEqual({ error: 'uri_too_long', message: expect.stringContaining('too long') });
    const big = await fetch(`${url}/api/projects`, { headers: { 'x-big': 'b'.repeat(100 * 1024) } });
    expect(big.status).toBe(431);
    expect(await big.json()).toEqual({ error: 'headers_too_large', message: expect.stringContaining('headers') });
    // the server is fine afterwards
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});

describe('serve logs requests and errors as JSON lines, never a credential', () => {
  it('logs each request with its status, a 500 with its error, and redacts every token', async () => {
    const { port, url, log } = await start(new BrokenPlanEngine());
    const bearer = { authorization: `Bearer ${SECRET}` };
    const failed = await rawRequest(port, 'GET', '/api/projects/acme-web/plan', bearer);
    expect(failed.status).toBe(500);
    const answer = JSON.parse(failed.body) as { message: string };
    expect(answer.message).toMatch(/see its log/);
    expect(failed.body).not.toContain('disk on fire');
    const link = await rawRequest(port, 'GET', `/?token=${SECRET}`);
    expect(link.status).toBe(303);
    const cookie = String(link.headers['set-cookie']?.[0]).split(';')[0]!;
    await rawRequest(port, 'GET', '/api/projects', { cookie, referer: `${url}/?token=${SECRET}` });
    await rawRequest(port, 'GET', `/api/projects?%74oken=${SECRET}&TOKEN=${SECRET}`, bearer);
    expect(await wsStatus(`${url.replace('http', 'ws')}/api/ws?token=${SECRET}`)).toBe(101);
    await rawRequest(port, 'POST', '/api/session', { origin: url }, JSON.stringify({ token: SECRET }));
    await fetch(`${url}/api/projects?token=${SECRET}${'a'.repeat(100 * 1024)}`);
    await new Promise((r) => setTimeout(r, 100));
    const text = log();
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(8);
    const completed = lines.filter((l) => l.msg === 'request completed');
    expect(completed.map((l) => (l.res as { statusCode: number }).statusCode)).toEqual(expect.arrayContaining([500, 303, 200]));
    const error = lines.find((l) => l.level === 50);
    expect(error).toMatchObject({ err: { message: expect.stringContaining('disk on fire') } });
    expect(lines.some((l) => (l.req as { url?: string } | undefined)?.url === '/?token=[redacted]')).toBe(true);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(cookie.split('=')[1]!);
  });
});
