// The audit trail: who did what, when, to which project and release, and why — append-only.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../testing/fake-engine.js';
import { personSession } from '../testing/person-session.js';
import { asDeployer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp | undefined;
afterEach(async () => t?.app.close());

describe('audit trail', () => {
  it('records sign-ins (and failed ones), promotes, cancels and token changes, newest first, filtered and paged', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    t = await createTestApp({ engine: new FakeEngine({ beforeStep: (step, signal) => (step === 'deploy' ? new Promise((resolve, reject) => (void held.then(resolve), signal?.addEventListener('abort', () => reject(new Error('stopped'))))) : Promise.resolve()) }) });
    const app = t.app;
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { token: 'wrong-token' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { token: 'viewer-secret' } })).statusCode).toBe(200);
    const bob = await personSession(app, { id: 'oidc:bob', name: 'Bob Builder', email: 'bob@acme.example', groups: [] });
    const token = (await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: bob, origin: 'http://localhost', host: 'localhost' }, payload: { name: 'ci' } })).json();
    const promoted = (await app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: asDeployer, payload: {} })).json();
    await waitForStatus(app, promoted.id, ['running']);
    expect((await app.inject({ method: 'POST', url: `/api/releases/${promoted.id}/cancel`, headers: asDeployer, payload: { reason: 'x', force: true } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: `/api/releases/${promoted.id}/cancel`, headers: asDeployer, payload: { reason: 'wrong build picked' } })).statusCode).toBe(202);
    release();
    await waitForStatus(app, promoted.id, ['cancelled', 'rolled_back', 'succeeded', 'failed']);

    const page = (await app.inject({ url: '/api/audit?limit=50', headers: asDeployer })).json();
    expect(page.items.map((e: { actor: string | null; action: string }) => `${e.actor ?? '?'} ${e.action}`)).toEqual([
      'deployer cancel',
      'deployer promote',
      'Bob Builder token_created',
      'viewer sign_in',
      '? sign_in_failed',
    ]);
    expect(page.items[0]).toMatchObject({ actorId: 'token:deployer', projectId: t.projectId, releaseId: promoted.id, reason: 'wrong build picked', at: expect.any(String) });
    expect(page.items[2].detail).toMatchObject({ tokenId: token.id, name: 'ci', role: 'viewer' });
    expect(JSON.stringify(page)).not.toContain(token.token);

    const bobs = (await app.inject({ url: '/api/audit?actor=oidc:bob', headers: asDeployer })).json();
    expect(bobs.items.map((e: { action: string }) => e.action)).toEqual(['token_created']);
    expect((await app.inject({ url: '/api/audit?actor=Bob%20Builder', headers: asDeployer })).json().items).toHaveLength(1);
    expect((await app.inject({ url: `/api/audit?project=${t.projectId}`, headers: asDeployer })).json().items).toHaveLength(2);
    const first = (await app.inject({ url: '/api/audit?limit=2', headers: asDeployer })).json();
    expect(first.items).toHaveLength(2);
    const second = (await app.inject({ url: `/api/audit?limit=2&cursor=${first.nextCursor}`, headers: asDeployer })).json();
    expect(second.items.map((e: { action: string }) => e.action)).toEqual(['token_created', 'sign_in']);
    expect((await app.inject({ url: '/api/audit?limit=0', headers: asDeployer })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/audit?cursor=abc', headers: asDeployer })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });

  it('is append-only: the database itself refuses to change or delete an entry', async () => {
    t = await createTestApp();
    await t.app.inject({ method: 'POST', url: '/api/session', payload: { token: 'viewer-secret' } });
    const sqlite = t.app.services.db.$client;
    expect(() => sqlite.prepare("update audit set actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit').run()).toThrow(/append-only/);
    expect(sqlite.prepare('select actor from audit').all()).toEqual([{ actor: 'viewer' }]);
  });
});
