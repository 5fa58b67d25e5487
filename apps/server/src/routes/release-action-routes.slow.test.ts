import { afterEach, describe, expect, it } from 'vitest';
import { createNodeContext } from '@shipgate/runtime';
import { FakeEngine } from '../testing/fake-engine.js';
import { makeGitFixture } from '../testing/git-fixture.js';
import { asDeployer, asViewer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

const post = (url: string) => t.app.inject({ method: 'POST', url, headers: asDeployer });
const promote = () => post(`/api/projects/${t.projectId}/releases`);

/** An engine whose deploy step waits until the test lets it go (or the release is cancelled). */
function holdingEngine() {
  let open!: () => void;
  const aborted: unknown[] = [];
  const gate = new Promise<void>((r) => (open = r));
  const engine = new FakeEngine({
    beforeStep: (step, signal) =>
      step !== 'deploy'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            void gate.then(resolve);
            signal?.addEventListener('abort', () => {
              aborted.push(signal.reason);
              reject(new Error('deploy stopped'));
            });
          }),
  });
  return { engine, open: () => open(), aborted };
}

describe('release actions', () => {
  it('a server stopped during deploy leaves the release interrupted in deploy; resume finishes it', async () => {
    const held = holdingEngine();
    t = await createTestApp({ engine: held.engine });
    const { id } = (await promote()).json();
    await waitForStatus(t.app, id, ['running']);
    await new Promise((r) => setTimeout(r, 100));
    const { dataDir, fixture } = t;
    await t.app.close();
    t = await createTestApp({ dataDir, fixture, engine: new FakeEngine() });
    const interrupted = await waitForStatus(t.app, id, ['interrupted']);
    expect(interrupted.interruptedStep).toBe('deploy');
    expect((await promote()).statusCode).toBe(409);
    const resumed = await t.app.inject({ method: 'POST', url: `/api/releases/${id}/resume`, headers: asDeployer, payload: { reason: 'the database is back' } });
    expect(resumed.statusCode).toBe(202);
    expect((await waitForStatus(t.app, id, ['succeeded'])).status).toBe('succeeded');
    const events = (await t.app.inject({ url: `/api/releases/${id}/events`, headers: asDeployer })).json();
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    // who resumed it and why is on the timeline, not only in the audit trail
    expect(events).toContainEqual(expect.objectContaining({ type: 'release.status', status: 'running', reason: 'resumed by deployer: the database is back' }));
    expect((await post(`/api/releases/${id}/resume`)).statusCode).toBe(409);
  });

  it('cancel stops the running step and the release ends cancelled', async () => {
    const held = holdingEngine();
    t = await createTestApp({ engine: held.engine });
    const { id } = (await promote()).json();
    await waitForStatus(t.app, id, ['running']);
    await new Promise((r) => setTimeout(r, 100));
    const cancel = await t.app.inject({ method: 'POST', url: `/api/releases/${id}/cancel`, headers: asDeployer, payload: { reason: 'wrong build' } });
    expect(cancel.statusCode).toBe(202);
    const done = await waitForStatus(t.app, id, ['cancelled']);
    expect(done.error).toMatchObject({ code: 'CANCELLED' });
    // the engine is told who cancelled and why (it words the status and the ship report with it)
    expect(held.aborted).toEqual([expect.objectContaining({ name: 'AbortError', actor: 'deployer', why: 'wrong build' })]);
    expect((await post(`/api/releases/${id}/cancel`)).statusCode).toBe(409);
    expect((await promote()).statusCode).toBe(202);
  });

  it('a manual rollback is its own record; the release it replaced keeps its outcome and links to it', async () => {
    t = await createTestApp();
    const { id } = (await promote()).json();
    const released = await waitForStatus(t.app, id, ['succeeded']);
    expect(released).toMatchObject({ kind: 'release', previousVersion: '2.6.0', actions: ['rollback'] });
    expect((await post(`/api/releases/${id}/resume`)).statusCode).toBe(409);
    const rolled = await t.app.inject({ method: 'POST', url: `/api/releases/${id}/rollback`, headers: asDeployer, payload: { reason: 'checkout is slow' } });
    expect(rolled.statusCode).toBe(202);
    const rollback = rolled.json<{ id: string; kind: string; rollbackOf: string; reason: string }>();
    expect(rollback).toMatchObject({ kind: 'rollback', rollbackOf: id, reason: 'checkout is slow', previousVersion: '2.7.0' });
    expect(rollback.id).not.toBe(id);
    const done = await waitForStatus(t.app, rollback.id, ['succeeded']);
    expect(done).toMatchObject({ kind: 'rollback', version: '2.6.0', previousVersion: '2.7.0', tag: 'v2.6.0', actions: [] });
    expect((done.steps as Array<{ name: string }>).map((s) => s.name)).toContain('rollback');
    expect((t.engine as FakeEngine).rollbacks).toBe(1);
    // the replaced release keeps its own status and facts, and names the rollback
    const after = (await t.app.inject({ url: `/api/releases/${id}`, headers: asDeployer })).json<Record<string, unknown>>();
    expect(after).toMatchObject({ status: 'succeeded', version: '2.7.0', previousVersion: '2.6.0', tag: 'v2.7.0', commit: 'abc123', rolledBackBy: rollback.id, actions: [] });
    const list = (await t.app.inject({ url: '/api/releases', headers: asDeployer })).json<{ items: Array<{ id: string; kind: string }> }>();
    expect(list.items.map((r) => [r.id, r.kind])).toEqual([[rollback.id, 'rollback'], [id, 'release']]);
    const [project] = (await t.app.inject({ url: '/api/projects', headers: asDeployer })).json<Array<{ productionVersion: string | null; production: { releaseId: string | null } }>>();
    expect(project).toMatchObject({ productionVersion: '2.6.0', production: { version: '2.6.0', releaseId: rollback.id } });
    expect((await t.app.inject({ url: `/api/releases/${rollback.id}/report`, headers: asDeployer })).body).toContain('Rollback Report');
    // a viewer sees no actions; a second rollback of the same release is refused
    await promote().then((r) => waitForStatus(t.app, r.json().id, ['succeeded']));
    const newest = (await t.app.inject({ url: '/api/releases?limit=1', headers: asViewer })).json<{ items: Array<{ actions: string[] }> }>();
    expect(newest.items[0]?.actions).toEqual([]);
    const asDeployerToo = (await t.app.inject({ url: '/api/releases?limit=1', headers: asDeployer })).json<{ items: Array<{ actions: string[] }> }>();
    expect(asDeployerToo.items[0]?.actions).toEqual(['rollback']);
    expect((await post(`/api/releases/${id}/rollback`)).statusCode).toBe(409);
    expect((await post(`/api/releases/${rollback.id}/rollback`)).statusCode).toBe(409);
    expect((await post('/api/releases/rel_unknown/rollback')).statusCode).toBe(404);
    expect((await post('/api/releases/bad%20id/cancel')).statusCode).toBe(400);
    const bad = await t.app.inject({ method: 'POST', url: `/api/releases/${id}/rollback`, headers: asDeployer, payload: { reason: 'x', force: true } });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses up front to roll back a command deploy that has no rollbackCommand, leaving the release as it was', async () => {
    // the check reads the project's real .shipgate.yaml: an engine with the real file system
    const engine = new FakeEngine();
    engine.createContext = (options) => createNodeContext(options);
    t = await createTestApp({ engine, fixture: makeGitFixture('project: acme-web\ndeploy:\n  provider: command\n  command: ./deploy.sh\n') });
    const { id } = (await promote()).json();
    await waitForStatus(t.app, id, ['succeeded']);
    const refused = await post(`/api/releases/${id}/rollback`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'not_rollbackable', message: expect.stringContaining('deploy.rollbackCommand') });
    expect(engine.rollbacks).toBe(0);
    expect((await t.app.inject({ url: `/api/releases/${id}`, headers: asDeployer })).json()).toMatchObject({ status: 'succeeded' });
  });

  it('a dry run cannot be rolled back (it deployed nothing), and it never counts as what production runs', async () => {
    t = await createTestApp();
    const dry = await t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: asDeployer, payload: { dryRun: true } });
    expect(dry.statusCode).toBe(202);
    const { id } = dry.json();
    await waitForStatus(t.app, id, ['succeeded']);
    const refused = await post(`/api/releases/${id}/rollback`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'not_rollbackable', message: expect.stringContaining('dry run') });
    expect((t.engine as FakeEngine).rollbacks).toBe(0);
    const [project] = (await t.app.inject({ url: '/api/projects', headers: asDeployer })).json<Array<{ productionVersion: string | null }>>();
    expect(project?.productionVersion).not.toBe('2.7.0');
  });

  it('accepts the actions as body-less POSTs even with a JSON content type', async () => {
    t = await createTestApp();
    const answer = await t.app.inject({ method: 'POST', url: '/api/releases/rel_unknown/cancel', headers: { ...asDeployer, 'content-type': 'application/json' } });
    expect(answer.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: { ...asDeployer, 'content-type': 'application/json' }, payload: '{"bump":' });
    expect(malformed.statusCode).toBe(400);
  });
});
