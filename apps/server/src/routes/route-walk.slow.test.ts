// Walks EVERY route the app registered (collected by its onRoute hook, so a route added later is
// covered without touching this file) and the WebSocket, as an attacker would: no token, a wrong
// token, a wrong session cookie, the viewer token on changes, and odd spellings of each path
// (percent-encoding, double slashes, dot segments, case). Nothing may answer 2xx, and afterwards
// nothing may have been started or written: no release, no session, no project, remote untouched.
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { git, makeGitFixture } from '../testing/git-fixture.js';
import { rawRequest as raw, wsStatus } from '../testing/raw-http.js';
import { DEPLOYER, VIEWER } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

/** Odd spellings of one path that a decoding router may still match to the same route. */
export function spellings(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  const pct = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  const out = new Set<string>([path]);
  out.add('/' + segments.map((s) => pct(s[0]!) + s.slice(1)).join('/')); // /%61pi/%70rojects
  out.add('/' + segments.map((s) => pct(s[0]!).toUpperCase() + s.slice(1)).join('/'));
  out.add('/' + segments.map((s) => (s.length > 1 ? s[0]! + pct(s[1]!) + s.slice(2) : s)).join('/')); // /a%70i/…
  out.add('/' + segments.map((s) => [...s].map(pct).join('')).join('/'));
  out.add(`/${path}`); // //api/…
  out.add(path.replace(/\//g, '//'));
  out.add(`/${segments[0]!}/.${path.slice(segments[0]!.length + 1)}`); // /api/./…
  out.add(`/x/..${path}`);
  out.add(`/%2e%2e${path}`);
  out.add(`/${segments[0]!}/%2e${path.slice(segments[0]!.length + 1)}`);
  out.add(path.toUpperCase());
  out.add(path[0] + path[1]!.toUpperCase() + path.slice(2));
  out.add(`${path}/`);
  out.add(`/${segments.join('%2f')}`);
  out.add(`/${segments.join('%2F')}`);
  out.add(`/${segments.join('\\')}`);
  return [...out];
}

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, 'acme-web').replace(/\*$/, 'index.html');

describe('every registered route and the WebSocket refuse the unauthenticated', () => {
  it('no token, a wrong token or cookie, the viewer on changes, and odd path spellings never get a 2xx, and nothing is started or written', async () => {
    const fixture = makeGitFixture();
    const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-walk-'));
    const webRoot = mkdtempSync(join(tmpdir(), 'shipgate-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Shipgate</title>');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    const engine = new FakeEngine();
    let faulty = 0;
    const demo = { makeFaultyRelease: () => ((faulty += 1), { commit: 'x', faults: {} }) };
    app = await buildApp({ dataDir, engine, webRoot, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 200, demo });
    await registerProject(app.services, fixture.app);
    const refsBefore = git(fixture.origin, 'show-ref');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;

    const routes = app.registeredRoutes;
    // the public routes are exactly these: health, sign-in/out, and the dashboard's files and pages
    const publicApi = routes.filter((r) => r.public && r.url.startsWith('/api')).map((r) => `${r.method} ${r.url}`).sort();
    expect(publicApi).toEqual([
      'DELETE /api/session',
      'GET /api/auth',
      'GET /api/auth/callback',
      'GET /api/auth/login',
      'GET /api/health',
      'HEAD /api/auth',
      'HEAD /api/auth/callback',
      'HEAD /api/auth/login',
      'HEAD /api/health',
      'POST /api/auth/logout',
      'POST /api/session',
    ]);
    for (const r of routes.filter((r) => r.public && !r.url.startsWith('/api'))) expect(['GET', 'HEAD'], `${r.method} ${r.url}`).toContain(r.method);
    const guarded = routes.filter((r) => !r.public);
    // every guarded change names the least role it needs (an undeclared one would need admin)
    const undeclared = guarded.filter((r) => !['GET', 'HEAD'].includes(r.method) && r.role === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(guarded.length).toBeGreaterThan(15);
    expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/projects/:id/releases', 'POST /api/releases/:id/rollback', 'GET /api/ws', 'GET /api/projects', 'POST /api/demo/faulty-release']));

    const credentials: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer wrong' }],
      ['a malformed header', { authorization: `Basic ${DEPLOYER}` }],
      ['a wrong cookie', { cookie: 'shipgate_session=forged' }],
      ['the token as a cookie', { cookie: `shipgate_session=${DEPLOYER}` }],
      ['a token in the query', {}],
    ];
    const failures: string[] = [];
    let requests = 0;
    for (const route of guarded) {
      const body = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH' ? '{}' : undefined;
      for (const path of spellings(fill(route.url))) {
        for (const [who, headers] of credentials) {
          if (route.websocket && who === 'a token in the query') continue; // the contract's WebSocket sign-in (a valid token)
          const target = who === 'a token in the query' ? `${path}?token=${DEPLOYER}` : path;
          if (route.websocket) {
            const status = await wsStatus(`ws://127.0.0.1:${port}${target}`, headers);
            if (![401, 403, 404].includes(status)) failures.push(`WS ${target} with ${who}: ${status}`);
            continue;
          }
          const res = await raw(port, route.method, target, headers, body);
          requests++;
          if (![401, 403, 404].includes(res.status)) failures.push(`${route.method} ${target} with ${who}: ${res.status} ${res.body.slice(0, 80)}`);
        }
        // the viewer may change only what is its own (its API tokens: routes whose least role is viewer)
        if (route.method !== 'GET' && route.method !== 'HEAD' && route.role !== 'viewer') {
          const res = await raw(port, route.method, path, { authorization: `Bearer ${VIEWER}` }, body);
          requests++;
          if (![401, 403, 404].includes(res.status)) failures.push(`${route.method} ${path} as viewer: ${res.status} ${res.body.slice(0, 80)}`);
        }
      }
    }
    // the WebSocket with a token in the query is fine; the same from a foreign page's cookie is not (see origin tests)
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(500);

    // nothing was started or written
    expect(engine.runs).toBe(0);
    expect(engine.rollbacks).toBe(0);
    expect(faulty).toBe(0);
    expect(await app.services.releases.list({ limit: 10 })).toEqual([]);
    expect(await app.services.projects.list()).toHaveLength(1);
    expect(app.services.db.$client.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
    expect(git(fixture.origin, 'show-ref')).toBe(refsBefore);
  }, 120_000);
});
