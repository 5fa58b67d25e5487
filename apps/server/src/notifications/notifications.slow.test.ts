// Notifications end to end (CONTRACT §7) with the REAL engine on a real git fixture and REAL
// receivers on 127.0.0.1: every webhook delivery is checked against its HMAC signature by the
// receiver, a 500 is retried with the same delivery id, the Slack-shaped receiver gets the
// message, manual actions notify, "send again" re-sends the same delivery, and the log in the
// API names targets without their URLs or secrets.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryDto } from '@shipgate/contract';
import { buildApp } from '../app.js';
import { loggerOptions } from '../plugins/logger-options.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import type { NotificationTarget, ServerSettings } from '../settings/server-settings.js';
import { notificationSettings } from '../testing/notification-settings.js';
import { startHookReceiver, type HookReceiver } from '../testing/hook-receiver.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { asDeployer, asViewer, DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

const SECRET = 'whsec-3f9a';
const PUBLIC_URL = 'https://shipgate.acme.example';

let app: FastifyInstance | undefined;
const receivers: HookReceiver[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function releaseApp(targets: NotificationTarget[] | ServerSettings, notifications = { backoffMs: [100, 200, 400], timeoutMs: 2_000 }, log?: NodeJS.WritableStream) {
  const fx = makeReleaseFixture('  provider: git-branch\n  branch: production');
  const settings = Array.isArray(targets) ? notificationSettings(targets) : targets;
  app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-notify-')), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 500, settings, publicUrl: PUBLIC_URL, notifications, ...(log ? { logger: loggerOptions(log) } : {}) });
  const { project } = await registerProject(app.services, fx.app);
  return { app, projectId: project.id };
}

async function deliveries(a: FastifyInstance, projectId: string, headers = asDeployer): Promise<DeliveryDto[]> {
  const res = await a.inject({ url: `/api/projects/${projectId}/deliveries`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function settled(a: FastifyInstance, projectId: string, count: number): Promise<DeliveryDto[]> {
  for (let i = 0; i < 600; i++) {
    const list = await deliveries(a, projectId);
    if (list.length >= count && list.every((d) => d.status === 'delivered' || d.status === 'failed')) return list;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`deliveries never settled: ${JSON.stringify(await deliveries(a, projectId))}`);
}

const typeOf = (r: { headers: Record<string, unknown> }) => r.headers['x-shipgate-event'];

describe('notifications', () => {
  it('a release notifies a signing webhook (retrying its 500) and Slack; the log shows both without their URLs', { timeout: 120_000 }, async () => {
    const hook = await startHookReceiver({ secret: SECRET, answers: [500] });
    const slack = await startHookReceiver();
    receivers.push(hook, slack);
    const slackUrl = slack.url('/services/T000/B000/XXXXSECRETXXXX');
    // as an operator writes it: the secret and the Slack URL come from environment variables
    const yaml = `notifications:\n  - { kind: webhook, name: ops-hook, url: "${hook.url()}", secretEnv: HOOK_SECRET }\n  - { kind: slack, name: "#releases", urlEnv: SLACK_URL }\n`;
    let logged = '';
    const logStream = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
    const { app, projectId } = await releaseApp(parseServerSettings(yaml, 'server.yaml', { HOOK_SECRET: SECRET, SLACK_URL: slackUrl }), undefined, logStream);

    const promoted = await app.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asDeployer, payload: {} });
    expect(promoted.statusCode, promoted.body).toBe(202);
    const release = await waitForStatus(app, promoted.json().id, ['succeeded', 'failed'], 60_000);
    expect(release.status).toBe('succeeded');
    const log = await settled(app, projectId, 4);

    // every request the webhook receiver got carries a valid signature over its raw body
    await hook.waitFor(3);
    expect(hook.received.length).toBe(3);
    expect(hook.received.map((r) => r.signed)).toEqual([true, true, true]);
    const started = hook.received.filter((r) => typeOf(r) === 'release.started');
    expect(started.map((r) => r.answered)).toEqual([500, 200]);
    expect(new Set(started.map((r) => r.headers['x-shipgate-delivery'])).size).toBe(1);
    expect(started[0]!.body).toBe(started[1]!.body);
    const succeeded = hook.received.find((r) => typeOf(r) === 'release.succeeded')!;
    const body = JSON.parse(succeeded.body);
    expect(Object.keys(body)).toEqual(['type', 'at', 'project', 'release', 'url']);
    expect(body).toMatchObject({ type: 'release.succeeded', project: { id: projectId, name: 'acme-web' }, release: { id: release.id, kind: 'release', version: '2.7.0', previousVersion: '2.6.0', status: 'succeeded', actor: 'deployer' }, url: `${PUBLIC_URL}/releases/${release.id}` });
    expect(succeeded.headers).toMatchObject({ 'content-type': 'application/json', 'x-shipgate-event': 'release.succeeded' });

    // the delivery log: target names, attempts, the retry's last answer — never a URL or secret
    const webhookLog = log.filter((d) => d.target.name === 'ops-hook');
    const startedRow = webhookLog.find((d) => d.type === 'release.started')!;
    expect(startedRow).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null, maxAttempts: 4, releaseId: release.id, target: { kind: 'webhook', name: 'ops-hook' }, actions: ['redeliver'] });
    expect(startedRow.id).toBe(started[0]!.headers['x-shipgate-delivery']);
    const text = JSON.stringify(log);
    expect(text).not.toContain('XXXXSECRETXXXX');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(hook.url());

    // Slack gets the message: the release, its outcome and the link
    const messages = (await slack.waitFor(2)).map((r) => JSON.parse(r.body));
    expect(messages.map((m) => m.text)).toEqual(['acme-web 2.7.0 started', 'acme-web 2.7.0 is in production']);
    expect(JSON.stringify(messages[1].blocks)).toContain(`<${PUBLIC_URL}/releases/${release.id}|Open in Shipgate>`);
    expect(slack.received.every((r) => r.path === '/services/T000/B000/XXXXSECRETXXXX')).toBe(true);

    // the server's log says what was delivered where, by target name, and never the secrets
    expect(logged).toContain('"target":"#releases"');
    expect(logged).toContain('notification delivered');
    expect(logged).not.toContain('XXXXSECRETXXXX');
    expect(logged).not.toContain(SECRET);
  });

  it('manual actions notify (lock, unlock, a manual rollback); "send again" re-sends the same delivery, for deployers only', { timeout: 120_000 }, async () => {
    const hook = await startHookReceiver({ secret: SECRET });
    receivers.push(hook);
    const { app, projectId } = await releaseApp([{ kind: 'webhook', name: 'ops-hook', url: hook.url(), secret: SECRET }]);

    expect((await app.inject({ method: 'POST', url: `/api/projects/${projectId}/lock`, headers: asDeployer, payload: { reason: 'payments incident' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/projects/${projectId}/lock`, headers: asDeployer })).statusCode).toBe(200);
    const [locked, unlocked] = (await hook.waitFor(2)).map((r) => JSON.parse(r.body));
    expect(locked).toMatchObject({ type: 'project.locked', project: { id: projectId, lock: { reason: 'payments incident', by: 'deployer', automatic: false } }, release: null, url: `${PUBLIC_URL}/projects/${projectId}` });
    expect(unlocked).toMatchObject({ type: 'project.unlocked', project: { id: projectId, lock: null }, release: null });

    const promoted = (await app.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asDeployer, payload: {} })).json();
    const release = await waitForStatus(app, promoted.id, ['succeeded', 'failed'], 60_000);
    expect(release.status).toBe('succeeded');
    const rollback = await app.inject({ method: 'POST', url: `/api/releases/${release.id}/rollback`, headers: asDeployer, payload: { reason: 'checkout errors since the deploy' } });
    expect(rollback.statusCode, rollback.body).toBe(202);
    expect((await waitForStatus(app, rollback.json().id, ['succeeded', 'failed'], 60_000)).status).toBe('succeeded');
    const rolledBack = JSON.parse((await hook.waitFor(1, (r) => typeOf(r) === 'release.rolled_back'))[0]!.body);
    expect(rolledBack.release).toMatchObject({ id: rollback.json().id, kind: 'rollback', version: '2.6.0', previousVersion: '2.7.0', reason: 'checkout errors since the deploy' });
    expect(hook.received.every((r) => r.signed)).toBe(true);

    const log = await settled(app, projectId, 6);
    const lockRow = log.find((d) => d.type === 'project.locked')!;
    // a viewer sees the log but may not send again
    const asViewerLog = await deliveries(app, projectId, asViewer);
    expect(asViewerLog.find((d) => d.id === lockRow.id)!.actions).toEqual([]);
    expect((await app.inject({ method: 'POST', url: `/api/deliveries/${lockRow.id}/redeliver`, headers: asViewer })).statusCode).toBe(403);
    const before = hook.received.length;
    const again = await app.inject({ method: 'POST', url: `/api/deliveries/${lockRow.id}/redeliver`, headers: asDeployer });
    expect(again.statusCode, again.body).toBe(202);
    const resent = (await hook.waitFor(before + 1)).at(-1)!;
    expect(resent.headers['x-shipgate-delivery']).toBe(lockRow.id);
    expect(resent.signed).toBe(true);
    expect(JSON.parse(resent.body)).toEqual(locked);
    const audit = (await app.inject({ url: `/api/audit?project=${projectId}&action=redeliver`, headers: asDeployer })).json().items;
    expect(audit).toEqual([expect.objectContaining({ actor: 'deployer', action: 'redeliver', detail: { deliveryId: lockRow.id, type: 'project.locked', target: 'ops-hook' } })]);
    expect((await app.inject({ method: 'POST', url: '/api/deliveries/00000000-0000-0000-0000-000000000000/redeliver', headers: asDeployer })).statusCode).toBe(404);
  });
});
