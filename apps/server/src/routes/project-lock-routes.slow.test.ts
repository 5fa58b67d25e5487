// Project locks (CONTRACT §7): a locked project answers a promote with 423 and the lock, and
// nothing is planned or started; a rollback of its release still runs; viewers cannot lock;
// the body is typed strictly; unlocking lets promotes through again. The lock survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../testing/fake-engine.js';
import { asDeployer, asViewer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

const lockUrl = () => `/api/projects/${t.projectId}/lock`;
const promote = () => t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: asDeployer });

describe('project locks', () => {
  it('refuse promotes with 423 and the lock, never rollbacks; unlock lets promotes through', async () => {
    const engine = new FakeEngine();
    t = await createTestApp({ engine });
    const { id } = (await promote()).json<{ id: string }>();
    await waitForStatus(t.app, id, ['succeeded']);

    const locked = await t.app.inject({ method: 'POST', url: lockUrl(), headers: asDeployer, payload: { reason: ' v2.7.0 breaks checkout: wait for the fix ' } });
    expect(locked.statusCode).toBe(200);
    expect(locked.json()).toMatchObject({ id: t.projectId, lock: { reason: 'v2.7.0 breaks checkout: wait for the fix', by: 'deployer', automatic: false, since: expect.any(String) } });

    const plansBefore = engine.plans;
    const refused = await promote();
    expect(refused.statusCode).toBe(423);
    expect(refused.json()).toMatchObject({ error: 'locked', lock: { reason: 'v2.7.0 breaks checkout: wait for the fix' }, message: expect.stringContaining('locked by deployer') });
    expect(engine.plans).toBe(plansBefore); // nothing planned, nothing started

    // a rollback is never blocked by a lock
    const rolled = await t.app.inject({ method: 'POST', url: `/api/releases/${id}/rollback`, headers: asDeployer, payload: { reason: 'checkout errors' } });
    expect(rolled.statusCode).toBe(202);
    await waitForStatus(t.app, rolled.json<{ id: string }>().id, ['succeeded']);

    // the lock is stored: a restart on the same data dir keeps it
    const { dataDir, fixture } = t;
    await t.app.close();
    t = await createTestApp({ engine: new FakeEngine(), dataDir, fixture });
    expect((await t.app.inject({ url: `/api/projects/${t.projectId}`, headers: asViewer })).json()).toMatchObject({ lock: { reason: 'v2.7.0 breaks checkout: wait for the fix' } });
    expect((await promote()).statusCode).toBe(423);

    const unlocked = await t.app.inject({ method: 'DELETE', url: lockUrl(), headers: asDeployer });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ lock: null });
    expect((await promote()).statusCode).toBe(202);
  });

  it('viewers cannot lock or unlock; the reason is required and typed strictly', async () => {
    t = await createTestApp();
    expect((await t.app.inject({ method: 'POST', url: lockUrl(), headers: asViewer, payload: { reason: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: lockUrl(), headers: asViewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: lockUrl(), payload: { reason: 'x' } })).statusCode).toBe(401);
    for (const payload of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }, { reason: 'ok', extra: true }, { reason: 'x'.repeat(501) }]) {
      expect((await t.app.inject({ method: 'POST', url: lockUrl(), headers: asDeployer, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.app.inject({ url: `/api/projects/${t.projectId}`, headers: asViewer })).json()).toMatchObject({ lock: null });
    expect((await t.app.inject({ method: 'POST', url: '/api/projects/nope/lock', headers: asDeployer, payload: { reason: 'x' } })).statusCode).toBe(404);
  });
});
