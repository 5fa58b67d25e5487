// Roles on EVERY mutating route (walked from the registry, so new routes are covered) and on the
// WebSocket: viewer < deployer < admin, from named tokens and from people's rules, with a
// project's own rules overriding the server's.
import { afterEach, describe, expect, it } from 'vitest';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import { personSession } from '../testing/person-session.js';
import { wsStatus } from '../testing/raw-http.js';
import { createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp | undefined;
afterEach(async () => t?.app.close());

const TOKENS = { VIEW: 'viewer-token-0123456789', DEPLOY: 'deployer-token-0123456789', ADMIN: 'admin-token-0123456789' };
const settings = (projectRules = '') =>
  parseServerSettings(
    `auth:
  tokens:
    - { name: look, role: viewer, tokenEnv: VIEW }
    - { name: ship, role: deployer, tokenEnv: DEPLOY }
    - { name: boss, role: admin, tokenEnv: ADMIN }
  roles:
    - { match: "group:release-managers", role: admin }
    - { match: "email:*@acme.example", role: deployer }
${projectRules}`,
    'server.yaml',
    TOKENS,
  );

const fill = (url: string, projectId: string) => url.replace(':id', url.startsWith('/api/projects') ? projectId : url.startsWith('/api/tokens') ? 'tok_0000000000000000' : 'rel_missing');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('roles', () => {
  it('every mutating route: a viewer is refused (403), a deployer only where the route needs more, an admin never', async () => {
    t = await createTestApp({ settings: settings() });
    const changes = t.app.registeredRoutes.filter((r) => !r.public && !['GET', 'HEAD'].includes(r.method));
    expect(changes.length).toBeGreaterThanOrEqual(5);
    const table: string[] = [];
    for (const route of changes) {
      const url = fill(route.url, t.projectId);
      const as = async (token: string) => (await t!.app.inject({ method: route.method as 'POST', url, headers: bearer(token), payload: {} })).statusCode;
      const [viewer, deployer, admin] = [await as(TOKENS.VIEW), await as(TOKENS.DEPLOY), await as(TOKENS.ADMIN)];
      table.push(`${route.method} ${route.url}: viewer ${viewer === 403 ? 'refused' : viewer}, deployer ${deployer === 403 ? 'refused' : 'allowed'}, admin ${admin === 403 ? 'refused' : 'allowed'}`);
      // a few changes are everyone's own business (your own API tokens): they name the viewer role
      expect(viewer === 403, `${route.method} ${route.url} as viewer`).toBe(route.role !== 'viewer');
      expect(admin, `${route.method} ${route.url} as admin`).not.toBe(403);
      expect(deployer === 403, `${route.method} ${route.url} as deployer`).toBe(route.role === 'admin');
    }
    // registering a project is the admin's; promoting and acting on releases the deployer's
    expect(changes.filter((r) => r.role === 'viewer').map((r) => `${r.method} ${r.url}`).sort()).toEqual(['DELETE /api/tokens/:id', 'POST /api/tokens']);
    expect(table).toEqual(expect.arrayContaining([
      'POST /api/projects: viewer refused, deployer refused, admin allowed',
      expect.stringMatching(/^POST \/api\/projects\/:id\/releases: viewer refused, deployer allowed/),
      expect.stringMatching(/^POST \/api\/releases\/:id\/rollback: viewer refused, deployer allowed/),
    ]));
  });

  it('the WebSocket opens for every role and for a signed-in person, and for nobody else', async () => {
    t = await createTestApp({ settings: settings() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const url = `ws://127.0.0.1:${port}/api/ws`;
    for (const token of Object.values(TOKENS)) expect(await wsStatus(url, bearer(token))).toBe(101);
    const cookie = await personSession(t.app, { id: 'oidc:eve', name: 'Eve', email: 'eve@elsewhere.example', groups: [] });
    expect(await wsStatus(url, { cookie, origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await wsStatus(url, {})).toBe(401);
    expect(await wsStatus(url, bearer('not-a-token-at-all'))).toBe(401);
  });

  it('people get their role from the rules; a project with its own rules overrides them, and the refusal names the project', async () => {
    t = await createTestApp({ settings: settings('projects:\n  acme-web: { auth: { roles: [{ match: "group:web-team", role: deployer }] } }\n') });
    const bob = await personSession(t.app, { id: 'oidc:bob', name: 'Bob Builder', email: 'bob@acme.example', groups: [] });
    const ann = await personSession(t.app, { id: 'oidc:ann', name: 'Ann', email: 'ann@elsewhere.example', groups: ['web-team'] });
    const headers = (cookie: string) => ({ cookie, origin: 'http://localhost:80', host: 'localhost:80' });
    const me = async (cookie: string) => (await t!.app.inject({ url: '/api/me', headers: headers(cookie) })).json();
    expect(await me(bob)).toMatchObject({ name: 'Bob Builder', role: 'deployer', via: 'oidc', projectRoles: { [t.projectId]: 'viewer' } });
    expect(await me(ann)).toMatchObject({ role: 'viewer', projectRoles: { [t.projectId]: 'deployer' } });

    const promote = (cookie: string) => t!.app.inject({ method: 'POST', url: `/api/projects/${t!.projectId}/releases`, headers: headers(cookie), payload: {} });
    const refused = await promote(bob);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('this needs the deployer role on acme-web; Bob Builder is a viewer on acme-web');
    const started = await promote(ann);
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ actor: 'Ann' });
    // and on that project's releases
    expect((await t.app.inject({ method: 'POST', url: `/api/releases/${started.json().id}/cancel`, headers: headers(bob) })).statusCode).toBe(403);

    // what each may do with the release is the same in the lists as on the release's own route:
    // the project's rules, not the server-wide role (Ann is a server-wide viewer, a deployer here)
    await waitForStatus(t.app, started.json().id, ['succeeded']);
    const get = async (cookie: string, url: string) => (await t!.app.inject({ url, headers: headers(cookie) })).json();
    const own = await get(ann, `/api/releases/${started.json().id}`);
    expect(own.actions).toContain('rollback');
    expect((await get(ann, '/api/releases')).items[0]).toMatchObject({ id: own.id, actions: own.actions });
    expect((await get(ann, `/api/releases?project=${t.projectId}`)).items[0].actions).toEqual(own.actions);
    expect((await get(ann, '/api/projects'))[0].lastRelease.actions).toEqual(own.actions);
    expect((await get(ann, `/api/projects/${t.projectId}`)).lastRelease.actions).toEqual(own.actions);
    // Bob: a deployer server-wide, a viewer here — no actions anywhere (the list cache is per person's roles)
    expect((await get(bob, `/api/releases/${own.id}`)).actions).toEqual([]);
    expect((await get(bob, '/api/releases')).items[0].actions).toEqual([]);
    expect((await get(bob, '/api/projects'))[0].lastRelease.actions).toEqual([]);
  });
});
