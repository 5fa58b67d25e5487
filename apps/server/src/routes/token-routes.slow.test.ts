// Personal API tokens over real HTTP: shown once, stored only as a hash (not in the database
// file, nor in the log), acting for their creator with at most the creator's role, revocable,
// expiring.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loggerOptions } from '../plugins/logger-options.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { makeGitFixture } from '../testing/git-fixture.js';
import { personSession } from '../testing/person-session.js';
import { DEPLOYER, VIEWER } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function start() {
  let logged = '';
  const log = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
  const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-tokens-'));
  const settings = parseServerSettings('auth:\n  roles:\n    - { match: "group:release-managers", role: admin }\n    - { match: "email:*@acme.example", role: deployer }\n', 'server.yaml', {});
  app = await buildApp({ dataDir, engine: new FakeEngine(), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 200, settings, logger: loggerOptions(log) });
  const { project } = await registerProject(app.services, makeGitFixture().app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const bob = await personSession(app, { id: 'oidc:bob', name: 'Bob Builder', email: 'bob@acme.example', groups: [] });
  const ann = await personSession(app, { id: 'oidc:ann', name: 'Ann Admin', email: 'ann@acme.example', groups: ['release-managers'] });
  const call = async (method: string, path: string, auth: { cookie: string } | { token: string }, body?: unknown) => {
    const headers: Record<string, string> = 'cookie' in auth ? { cookie: auth.cookie, origin: url } : { authorization: `Bearer ${auth.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { url, dataDir, projectId: project.id, bob: { cookie: bob }, ann: { cookie: ann }, call, logged: () => logged };
}

describe('personal API tokens', () => {
  it('are shown once, act for their creator, and leave no secret in the database file or the log', async () => {
    const w = await start();
    const created = await w.call('POST', '/api/tokens', w.bob, { name: 'laptop script', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^tok_/), name: 'laptop script', role: 'deployer', token: expect.stringMatching(/^sgp_[\w-]{43}$/) });
    const secret = created.body.token as string;

    // the token is Bob, through a token
    expect((await w.call('GET', '/api/me', { token: secret })).body).toMatchObject({ id: 'oidc:bob', name: 'Bob Builder', role: 'deployer', via: 'token' });
    const promote = await w.call('POST', `/api/projects/${w.projectId}/releases`, { token: secret }, {});
    expect(promote.status).toBe(202);
    expect(promote.body.actor).toBe('Bob Builder');

    // listed without the secret; never again shown
    const listed = await w.call('GET', '/api/tokens', w.bob);
    expect(listed.body).toEqual([{ id: created.body.id, name: 'laptop script', role: 'deployer', owner: 'Bob Builder', createdAt: expect.any(String), expiresAt: expect.any(String), revokedAt: null }]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    await app!.close();
    app = undefined;
    for (const file of readdirSync(w.dataDir).filter((f) => f.startsWith('shipgate.db'))) {
      expect(readFileSync(join(w.dataDir, file)).includes(secret), file).toBe(false);
    }
    expect(w.logged()).toContain('/api/tokens');
    expect(w.logged()).not.toContain(secret);
  });

  it('a token\'s role is at most its creator\'s; a viewer may make a read-only one', async () => {
    const w = await start();
    const refused = await w.call('POST', '/api/tokens', w.bob, { name: 'too much', role: 'admin' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("a token's role is at most its creator's: you are deployer, so it cannot be admin");
    const eve = { cookie: await personSession(app!, { id: 'oidc:eve', name: 'Eve', email: 'eve@elsewhere.example', groups: [] }) };
    const readOnly = await w.call('POST', '/api/tokens', eve, { name: 'dashboards' });
    expect(readOnly.body.role).toBe('viewer');
    expect((await w.call('POST', `/api/projects/${w.projectId}/releases`, { token: readOnly.body.token }, {})).status).toBe(403);
    // a personal token cannot mint more tokens
    const bobs = await w.call('POST', '/api/tokens', w.bob, { name: 'ci', role: 'viewer' });
    expect((await w.call('POST', '/api/tokens', { token: bobs.body.token }, { name: 'more' })).status).toBe(403);
    // strict bodies
    expect((await w.call('POST', '/api/tokens', w.bob, { name: 'x', role: 'owner' })).status).toBe(400);
    expect((await w.call('POST', '/api/tokens', w.bob, { name: 'x', expiresInDays: '30' })).status).toBe(400);
    expect((await w.call('POST', '/api/tokens', w.bob, { name: 'x', extra: true })).status).toBe(400);
  });

  it('revoking (by its owner or an admin) ends it at once, someone else\'s token is not found, and an expired one is refused', async () => {
    const w = await start();
    const bobs = await w.call('POST', '/api/tokens', w.bob, { name: 'one' });
    const other = await w.call('POST', '/api/tokens', w.ann, { name: 'anns' });
    expect((await w.call('DELETE', `/api/tokens/${other.body.id}`, w.bob)).status).toBe(404);
    expect((await w.call('GET', '/api/tokens', w.ann)).body.map((t: { name: string }) => t.name).sort()).toEqual(['anns', 'one']);
    expect((await w.call('DELETE', `/api/tokens/${bobs.body.id}`, w.ann)).status).toBe(204);
    expect((await w.call('GET', '/api/me', { token: bobs.body.token })).status).toBe(401);
    expect((await w.call('GET', '/api/tokens', w.bob)).body[0]).toMatchObject({ name: 'one', revokedAt: expect.any(String) });

    const soon = await w.call('POST', '/api/tokens', w.bob, { name: 'expiring', expiresInDays: 1 });
    expect((await w.call('GET', '/api/me', { token: soon.body.token })).status).toBe(200);
    app!.services.db.$client.prepare('update api_tokens set expires_at = ? where id = ?').run(new Date(Date.now() - 1000).toISOString(), soon.body.id);
    expect((await w.call('GET', '/api/me', { token: soon.body.token })).status).toBe(401);

    const actions = (await app!.services.audit.list({ limit: 10 })).map((e) => `${e.actor} ${e.action} ${(e.detail as { name?: string } | null)?.name ?? ''}`);
    expect(actions).toEqual(expect.arrayContaining(['Bob Builder token_created one', 'Ann Admin token_revoked one', 'Bob Builder token_created expiring']));
  });
});
