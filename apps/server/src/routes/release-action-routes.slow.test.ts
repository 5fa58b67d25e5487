import { afterEach, describe, expect, it } from 'vitest';
import { createNodeContext } from '@shipgate/runtime';
import { FakeEngine } from '../testing/fake-engine.js';
import { makeGitFixture } from '../testing/git-fixture.js';
import { asDeployer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

const post = (url: string) => t.app.inject({ method: 'POST', url, headers: asDeployer });
const promote = () => post(`/api/projects/${t.projectId}/releases`);

/** An engine whose deploy step waits until the test lets it go (or the release is cancelled). */
function holdingEngine() {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const engine = new FakeEngine({
    beforeStep: (step, signal) =>
      step !== 'deploy'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            void gate.then(resolve);
            signal?.addEventListener('abort', () => reject(new Error('deploy stopped')));
          }),
  });
  return { engine, open: () => open() };
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
    const resumed = await post(`/api/releases/${id}/resume`);
    expect(resumed.statusCode).toBe(202);
    expect((await waitForStatus(t.app, id, ['succeeded'])).status).toBe('succeeded');
    const events = (await t.app.inject({ url: `/api/releases/${id}/events`, headers: asDeployer })).json();
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect((await post(`/api/releases/${id}/resume`)).statusCode).toBe(409);
  });

  it('cancel stops the running step and the release ends cancelled', async () => {
    const held = holdingEngine();
    t = await createTestApp({ engine: held.engine });
    const { id } = (await promote()).json();
    await waitForStatus(t.app, id, ['running']);
    await new Promise((r) => setTimeout(r, 100));
    expect((await post(`/api/releases/${id}/cancel`)).statusCode).toBe(202);
    const done = await waitForStatus(t.app, id, ['cancelled']);
    expect(done.error).toMatchObject({ code: 'CANCELLED' });
    expect((await post(`/api/releases/${id}/cancel`)).statusCode).toBe(409);
    expect((await promote()).statusCode).toBe(202);
  });

  it('rollback re-deploys the previous release of a succeeded one; other states answer 409', async () => {
    t = await createTestApp();
    const { id } = (await promote()).json();
    await waitForStatus(t.app, id, ['succeeded']);
    expect((await post(`/api/releases/${id}/resume`)).statusCode).toBe(409);
    const rolled = await post(`/api/releases/${id}/rollback`);
    expect(rolled.statusCode).toBe(202);
    expect(rolled.json().status).toBe('rolling_back');
    await waitForStatus(t.app, id, ['rolled_back']);
    expect((t.engine as FakeEngine).rollbacks).toBe(1);
    // the record stays the release that was rolled back (the engine's outcome names the restored one)
    const after = (await t.app.inject({ url: `/api/releases/${id}`, headers: asDeployer })).json<Record<string, unknown>>();
    expect(after).toMatchObject({ version: '2.7.0', previousVersion: '2.6.0', tag: 'v2.7.0', commit: 'abc123' });
    const [project] = (await t.app.inject({ url: '/api/projects', headers: asDeployer })).json<Array<{ productionVersion: string | null }>>();
    expect(project?.productionVersion).toBe('2.6.0');
    expect((await post(`/api/releases/${id}/rollback`)).statusCode).toBe(409);
    expect((await post('/api/releases/rel_unknown/rollback')).statusCode).toBe(404);
    expect((await post('/api/releases/bad%20id/cancel')).statusCode).toBe(400);
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
