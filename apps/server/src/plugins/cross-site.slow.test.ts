// Cross-site attacks on a signed-in browser, over real HTTP: a page on another port of the same
// host (same site, so the SameSite cookie goes along), DNS rebinding (a foreign Host), framing,
// and the sign-in link's token. Each refusal also checks that nothing was started or written.
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type AppOptions } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { git, makeGitFixture } from '../testing/git-fixture.js';
import { rawRequest, wsStatus } from '../testing/raw-http.js';
import { DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function start(options: Partial<AppOptions> = {}) {
  const fixture = makeGitFixture();
  const webRoot = mkdtempSync(join(tmpdir(), 'shipgate-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Shipgate</title><script type="module" src="/assets/app.js"></script>');
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  const engine = new FakeEngine();
  app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-xs-')), engine, webRoot, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 200, ...options });
  const { project } = await registerProject(app.services, fixture.app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const own = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` };
  const signIn = async (token = DEPLOYER) => {
    const res = await rawRequest(port, 'POST', '/api/session', { origin: own.origin }, JSON.stringify({ token }));
    expect(res.status).toBe(200);
    return String(res.headers['set-cookie']?.[0]).split(';')[0]!;
  };
  return { app, engine, fixture, port, own, signIn, projectId: project.id };
}

describe('cross-site requests', () => {
  it('a signed-in cookie from a page on another port cannot roll back, promote or register: 403, nothing written', async () => {
    const { app, engine, fixture, port, own, signIn, projectId } = await start();
    const promoted = await rawRequest(port, 'POST', `/api/projects/${projectId}/releases`, { authorization: `Bearer ${DEPLOYER}` }, '{}');
    expect(promoted.status).toBe(202);
    const id = (JSON.parse(promoted.body) as { id: string }).id;
    await waitForStatus(app, id, ['succeeded']);
    const cookie = await signIn();
    const refs = git(fixture.origin, 'show-ref');
    const foreign = 'http://127.0.0.1:1';
    const attempts = [
      { path: `/api/releases/${id}/rollback`, headers: { cookie, origin: foreign } },
      { path: `/api/releases/${id}/rollback`, headers: { cookie } }, // a body-less POST with no Origin at all
      { path: `/api/releases/${id}/rollback`, headers: { cookie, origin: 'null' } },
      { path: `/api/projects/${projectId}/releases`, headers: { cookie, origin: foreign }, body: '{}' },
      { path: '/api/projects', headers: { cookie, origin: `http://evil.localhost:${port}` }, body: JSON.stringify({ dir: fixture.app }) },
      // a foreign Origin is refused even with the bearer token (a page that learned it)
      { path: `/api/releases/${id}/rollback`, headers: { authorization: `Bearer ${DEPLOYER}`, origin: foreign } },
    ];
    for (const attempt of attempts) {
      const res = await rawRequest(port, 'POST', attempt.path, attempt.headers, attempt.body);
      expect(res.status, JSON.stringify(attempt.headers)).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'forbidden' });
    }
    expect(engine.rollbacks).toBe(0);
    expect(engine.runs).toBe(1);
    expect((await app.services.releases.list({ limit: 10 })).map((r) => r.status)).toEqual(['succeeded']);
    expect(git(fixture.origin, 'show-ref')).toBe(refs);
    // the same cookie from the dashboard's own page works
    const own1 = await rawRequest(port, 'POST', `/api/releases/${id}/rollback`, { cookie, origin: own.origin });
    expect(own1.status).toBe(202);
  });

  it('the WebSocket opens for the own origin only; a foreign page with the cookie gets 403', async () => {
    const { port, own, signIn } = await start();
    const cookie = await signIn(VIEWER);
    const url = `ws://127.0.0.1:${port}/api/ws`;
    expect(await wsStatus(url, { cookie, origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await wsStatus(url, { cookie, origin: 'http://attacker.example' })).toBe(403);
    expect(await wsStatus(url, { cookie })).toBe(403);
    expect(await wsStatus(`${url}?token=${VIEWER}`, { origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await wsStatus(url, { cookie, origin: own.origin })).toBe(101);
  });

  it('a foreign Host (DNS rebinding) is refused with 421 even with a valid token; a configured public URL is answered', async () => {
    const { port } = await start();
    for (const host of ['attacker.example', `attacker.example:${port}`, '127.0.0.1.nip.io', 'localhost.attacker.example', `127.0.0.1:${port}@attacker.example`]) {
      const res = await rawRequest(port, 'GET', '/api/projects', { host, authorization: `Bearer ${DEPLOYER}` });
      expect(res.status, host).toBe(421);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'unknown_host', message: expect.stringContaining('--public-url') });
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest(port, 'GET', '/api/projects', { host, authorization: `Bearer ${DEPLOYER}` })).status, host).toBe(200);
    }
    await app!.close();
    const second = await start({ publicUrl: 'https://shipgate.example.com' });
    expect((await rawRequest(second.port, 'GET', '/api/projects', { host: 'shipgate.example.com', authorization: `Bearer ${DEPLOYER}` })).status).toBe(200);
    expect((await rawRequest(second.port, 'GET', '/api/projects', { host: 'other.example.com', authorization: `Bearer ${DEPLOYER}` })).status).toBe(421);
    // its origin is trusted for cookie changes, and its cookie is Secure
    const res = await rawRequest(second.port, 'POST', '/api/session', { host: 'shipgate.example.com', origin: 'https://shipgate.example.com' }, JSON.stringify({ token: DEPLOYER }));
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('every answer carries CSP (no framing, images from here only), X-Frame-Options, nosniff and no-referrer', async () => {
    const { port, own } = await start();
    for (const [path, headers] of [
      ['/', {}],
      ['/assets/app.js', {}],
      ['/api/projects', { authorization: `Bearer ${DEPLOYER}` }],
      ['/api/projects', {}],
      ['/nowhere', { accept: 'text/html' }],
      ['/api/nowhere', {}],
    ] as Array<[string, Record<string, string>]>) {
      const res = await rawRequest(port, 'GET', path, { host: own.host, ...headers });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("img-src 'self' data:");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
    }
    expect((await rawRequest(port, 'GET', '/nowhere', { accept: 'text/html' })).status).toBe(404);
  });

  it('the ?token= sign-in link is exchanged for the cookie and the browser is sent to the same page without it', async () => {
    const { app, port } = await start();
    const res = await rawRequest(port, 'GET', `/releases/rel_abc?token=${DEPLOYER}&x=1`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/releases/rel_abc?x=1');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).not.toContain(DEPLOYER);
    const cookie = String(res.headers['set-cookie']?.[0]).split(';')[0]!;
    expect(String(res.headers['set-cookie']?.[0])).toMatch(/HttpOnly; SameSite=Strict/);
    const session = await rawRequest(port, 'GET', '/api/session', { cookie });
    expect(JSON.parse(session.body)).toEqual({ role: 'admin' }); // the server's own token is the owner's
    const wrong = await rawRequest(port, 'GET', '/?token=wrong');
    expect(wrong.status).toBe(303);
    expect(wrong.headers.location).toBe('/?signin=failed');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await rawRequest(port, 'GET', '/x/..//attacker.example/?token=wrong')).headers.location ?? '').not.toMatch(/^\/\//);
    expect(app.services.db.$client.prepare('select count(*) as n from sessions').get()).toEqual({ n: 1 });
  });
});
