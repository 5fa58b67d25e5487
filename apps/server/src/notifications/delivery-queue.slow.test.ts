// The delivery queue never costs a release its time and loses nothing: with the REAL engine, a
// release whose receivers are dead (one refuses connections, one never answers) takes no longer
// than the same release without notifications, measured in the same test, and ends while its
// deliveries still wait; they then fail after every attempt, saying why. Deliveries queued or cut
// off mid-attempt when the server stops are sent by the next server on the same data dir.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryDto } from '@shipgate/contract';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import type { NotificationTarget } from '../settings/server-settings.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { holdPush } from '../testing/hold-push.js';
import { freePort } from '../testing/free-port.js';
import { makeGitFixture } from '../testing/git-fixture.js';
import { notificationSettings } from '../testing/notification-settings.js';
import { startHookReceiver, type HookReceiver } from '../testing/hook-receiver.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { asDeployer, DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

const SECRET = 'whsec-77';
const apps: FastifyInstance[] = [];
const receivers: HookReceiver[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function start(options: { targets: NotificationTarget[]; dataDir?: string; fixture?: string; engine?: FakeEngine; notifications: { backoffMs: number[]; timeoutMs: number } }) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shipgate-queue-'));
  const app = await buildApp({ dataDir, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 500, settings: notificationSettings(options.targets), notifications: options.notifications, ...(options.engine ? { engine: options.engine } : {}) });
  apps.push(app);
  const { project } = await registerProject(app.services, options.fixture ?? makeReleaseFixture('  provider: git-branch\n  branch: production').app);
  return { app, projectId: project.id, dataDir };
}

async function timedRelease(app: FastifyInstance, projectId: string): Promise<{ id: string; ms: number }> {
  const began = performance.now();
  const promoted = await app.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asDeployer, payload: {} });
  expect(promoted.statusCode, promoted.body).toBe(202);
  const done = await waitForStatus(app, promoted.json().id, ['succeeded', 'failed'], 60_000);
  expect(done.status).toBe('succeeded');
  return { id: promoted.json().id, ms: performance.now() - began };
}

const log = async (app: FastifyInstance, projectId: string): Promise<DeliveryDto[]> => (await app.inject({ url: `/api/projects/${projectId}/deliveries`, headers: asDeployer })).json();

async function until(app: FastifyInstance, projectId: string, ok: (rows: DeliveryDto[]) => boolean, what: string, timeoutMs = 60_000): Promise<DeliveryDto[]> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const rows = await log(app, projectId);
    if (ok(rows)) return rows;
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await log(app, projectId))}`);
}

describe('the delivery queue', () => {
  it('dead receivers (refused, never answering) do not delay a release; their deliveries fail later, saying why', { timeout: 180_000 }, async () => {
    const baseline = await start({ targets: [], notifications: { backoffMs: [100], timeoutMs: 1_000 } });
    const plain = await timedRelease(baseline.app, baseline.projectId);

    const silent = await startHookReceiver({ hang: true });
    receivers.push(silent);
    const refusedPort = await freePort(); // nothing listens there
    // each attempt at the silent receiver waits 4 s: a release that waited for its notifications would take ≥ 16 s per event
    const dead = await start({
      targets: [
        { kind: 'webhook', name: 'refused', url: `http://127.0.0.1:${refusedPort}/hook`, secret: SECRET },
        { kind: 'webhook', name: 'silent', url: silent.url(), secret: SECRET },
      ],
      notifications: { backoffMs: [200, 200, 200], timeoutMs: 4_000 },
    });
    const slowed = await timedRelease(dead.app, dead.projectId);
    const atTheEnd = await log(dead.app, dead.projectId);

    expect(slowed.ms).toBeLessThan(plain.ms + 4_000);
    const silentStarted = atTheEnd.find((d) => d.target.name === 'silent' && d.type === 'release.started')!;
    expect(['pending', 'sending']).toContain(silentStarted.status);
    expect(silentStarted.attempts).toBeLessThan(silentStarted.maxAttempts);

    const rows = await until(dead.app, dead.projectId, (r) => r.length === 4 && r.every((d) => d.status === 'failed'), 'every delivery to fail', 90_000);
    for (const row of rows) expect(row.attempts).toBe(4);
    expect(rows.filter((d) => d.target.name === 'refused').map((d) => d.lastError)).toEqual([expect.stringMatching(/ECONNREFUSED/), expect.stringMatching(/ECONNREFUSED/)]);
    expect(rows.filter((d) => d.target.name === 'silent').map((d) => d.lastError)).toEqual([expect.stringMatching(/timeout/i), expect.stringMatching(/timeout/i)]);
    expect(silent.received.filter((r) => r.headers['x-shipgate-event'] === 'release.started')).toHaveLength(4);
  });

  it('a delivery cut off by a stop, and one waiting for its next attempt, are sent by the next server on the data dir', { timeout: 60_000 }, async () => {
    const silent = await startHookReceiver({ hang: true });
    receivers.push(silent);
    const refusedPort = await freePort();
    const fixture = makeGitFixture().app;
    const notifications = { backoffMs: [3_000, 3_000, 3_000], timeoutMs: 30_000 };
    const first = await start({
      targets: [
        { kind: 'webhook', name: 'ops-hook', url: silent.url(), secret: SECRET },
        { kind: 'webhook', name: 'backup', url: `http://127.0.0.1:${refusedPort}/hook`, secret: SECRET },
      ],
      fixture,
      engine: new FakeEngine(),
      notifications,
    });
    await first.app.inject({ method: 'POST', url: `/api/projects/${first.projectId}/lock`, headers: asDeployer, payload: { reason: 'incident' } });
    await silent.waitFor(1);
    const before = await until(first.app, first.projectId, (r) => r.some((d) => d.target.name === 'backup' && d.attempts === 1), 'the first refused attempt');
    const cut = before.find((d) => d.target.name === 'ops-hook')!;
    const waiting = before.find((d) => d.target.name === 'backup')!;
    expect(cut).toMatchObject({ type: 'project.locked', status: 'sending', attempts: 0, actions: [] });
    // "send again" waits for an outcome: under way, it is refused and nothing is audited
    const early = await first.app.inject({ method: 'POST', url: `/api/deliveries/${cut.id}/redeliver`, headers: asDeployer });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'delivery_pending', message: expect.stringContaining('being sent now') });
    expect((await first.app.inject({ url: '/api/audit?action=redeliver', headers: asDeployer })).json().items).toEqual([]);
    expect(waiting).toMatchObject({ type: 'project.locked', status: 'pending', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    await first.app.close();
    apps.length = 0;

    const hook = await startHookReceiver({ secret: SECRET });
    const backup = await startHookReceiver({ secret: SECRET, port: refusedPort });
    receivers.push(hook, backup);
    const second = await start({
      targets: [
        { kind: 'webhook', name: 'ops-hook', url: hook.url(), secret: SECRET },
        { kind: 'webhook', name: 'backup', url: backup.url(), secret: SECRET },
      ],
      dataDir: first.dataDir,
      fixture,
      engine: new FakeEngine(),
      notifications,
    });
    for (const [receiver, row] of [[hook, cut], [backup, waiting]] as const) {
      const [got] = await receiver.waitFor(1);
      expect(got!.headers['x-shipgate-delivery']).toBe(row.id);
      expect(got!.signed).toBe(true);
      expect(JSON.parse(got!.body)).toMatchObject({ type: 'project.locked', project: { lock: { reason: 'incident' } } });
    }
    const after = await until(second.app, second.projectId, (r) => r.every((d) => d.status === 'delivered'), 'both deliveries');
    expect(after.find((d) => d.id === cut.id)).toMatchObject({ attempts: 1, lastStatus: 200 });
    expect(after.find((d) => d.id === waiting.id)).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null });
  });

  it('a cancel notifies, saying who cancelled and why', { timeout: 120_000 }, async () => {
    const hook = await startHookReceiver({ secret: SECRET });
    receivers.push(hook);
    const fx = makeReleaseFixture('  provider: git-branch\n  branch: production');
    const push = holdPush(fx.origin, 'refs/heads/main', /^chore\(release\): v2\.7\.0$/, 'pre-receive');
    const { app, projectId } = await start({ targets: [{ kind: 'webhook', name: 'ops-hook', url: hook.url(), secret: SECRET }], fixture: fx.app, notifications: { backoffMs: [100], timeoutMs: 2_000 } });
    const promoted = (await app.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asDeployer, payload: {} })).json();
    await push.held();
    const cancel = await app.inject({ method: 'POST', url: `/api/releases/${promoted.id}/cancel`, headers: asDeployer, payload: { reason: 'wrong branch' } });
    expect(cancel.statusCode, cancel.body).toBe(202);
    push.release();
    expect((await waitForStatus(app, promoted.id, ['cancelled', 'failed', 'succeeded'], 60_000)).status).toBe('cancelled');
    const [cancelled] = await hook.waitFor(1, (r) => r.headers['x-shipgate-event'] === 'release.cancelled');
    expect(cancelled!.signed).toBe(true);
    expect(JSON.parse(cancelled!.body).release).toMatchObject({ id: promoted.id, status: 'cancelled', reason: expect.stringMatching(/cancelled by deployer.*wrong branch/) });
  });
});
