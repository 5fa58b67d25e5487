// Freezes (CONTRACT §7) with the REAL engine on a real git fixture with a bare remote: during a
// freeze a promote answers 423 naming the freeze and when it ends, and nothing is planned,
// written or pushed; only an admin overrides it, with a reason (403 for a deployer, nothing
// written either), and the override is in the audit trail and the ship report. Rollbacks,
// cancels and resumes are never blocked by a freeze or a lock.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import type { ServerSettings } from '../settings/server-settings.js';
import { git } from '../testing/git-fixture.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

const TOKENS = { SHIP: 'deployer-token-0123456789', BOSS: 'admin-token-0123456789' };
const asShip = { authorization: `Bearer ${TOKENS.SHIP}` };
const asBoss = { authorization: `Bearer ${TOKENS.BOSS}` };
const HOUR = 3_600_000;

/** A freeze that started an hour ago and ends in two hours; `extra` adds settings lines. */
function frozenSettings(extra = ''): { settings: ServerSettings; until: string } {
  const now = Date.now();
  const from = new Date(now - HOUR).toISOString();
  const to = new Date(Math.floor((now + 2 * HOUR) / 1000) * 1000).toISOString();
  const yaml = `auth:
  tokens:
    - { name: ship, role: deployer, tokenEnv: SHIP }
    - { name: boss, role: admin, tokenEnv: BOSS }
freezes:
  - { name: release-week, from: "${from}", to: "${to}" }
${extra}`;
  return { settings: parseServerSettings(yaml, 'server.yaml', TOKENS), until: to };
}

async function start(settings: ServerSettings, deploy: string, dataDir = mkdtempSync(join(tmpdir(), 'shipgate-freeze-'))) {
  const fx = makeReleaseFixture(deploy);
  app = await buildApp({ dataDir, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 300, settings });
  const { project } = await registerProject(app.services, fx.app);
  return { fx, projectId: project.id, dataDir };
}

/** Every ref the bare remote holds, as one string: equal before and after means nothing was pushed. */
const remoteRefs = (origin: string) => git(origin, 'for-each-ref', '--format=%(refname) %(objectname)');

describe('freezes', () => {
  it('refuse a promote with 423 and the freeze, write nothing; only an admin overrides, with a reason in the audit trail and the ship report; a rollback still runs', { timeout: 120_000 }, async () => {
    const { settings, until } = frozenSettings('lockAfterRollback: true\n');
    const { fx, projectId } = await start(settings, '  provider: git-branch\n  branch: production');
    const a = app!;
    const promote = (headers: Record<string, string>, payload: object = {}) => a.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers, payload });
    const releases = async () => (await a.inject({ url: `/api/releases?project=${projectId}`, headers: asShip })).json<{ items: unknown[] }>().items;
    const audit = async () => (await a.inject({ url: `/api/audit?project=${projectId}`, headers: asShip })).json<{ items: Array<{ actor: string; action: string; reason: string | null; releaseId: string | null; detail: Record<string, unknown> | null }> }>().items;

    // the project page shows the freeze
    expect((await a.inject({ url: `/api/projects/${projectId}`, headers: asShip })).json()).toMatchObject({ lock: null, freeze: { name: 'release-week', active: true, until } });

    const refsBefore = remoteRefs(fx.origin);
    const refused = await promote(asShip);
    expect(refused.statusCode).toBe(423);
    expect(refused.json()).toEqual({ error: 'frozen', freeze: 'release-week', until, message: expect.stringContaining('an admin may override') });

    // a deployer's override is not theirs to make
    const forbidden = await promote(asShip, { override: { reason: 'hotfix' } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: 'forbidden', message: 'only an admin may override the freeze "release-week"' });

    // an override is typed strictly: a reason, nothing else
    for (const payload of [{ override: {} }, { override: { reason: '  ' } }, { override: { reason: 'x', by: 'someone' } }, { override: 'please' }, { override: { reason: 'x'.repeat(501) } }]) {
      expect((await promote(asBoss, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }

    // nothing was started or written: no release, no push, only the refusals in the audit trail
    expect(await releases()).toEqual([]);
    expect(remoteRefs(fx.origin)).toBe(refsBefore);
    expect((await audit()).map((e) => [e.actor, e.action, e.detail?.['error']])).toEqual([
      ['ship', 'promote_refused', 'forbidden'],
      ['ship', 'promote_refused', 'frozen'],
    ]);

    // an admin overrides with a reason: the release runs for real
    const overridden = await promote(asBoss, { override: { reason: '  CVE-2026-1234:\n patch the login  ' } });
    expect(overridden.statusCode, overridden.body).toBe(202);
    const released = await waitForStatus(a, overridden.json<{ id: string }>().id, ['succeeded', 'failed', 'rolled_back'], 60_000);
    expect(released).toMatchObject({ status: 'succeeded', version: '2.7.0', actor: 'boss' });
    expect(git(fx.origin, 'tag', '-l')).toBe('v2.6.0\nv2.7.0');
    const trail = await audit();
    expect(trail.slice(0, 2).map((e) => [e.actor, e.action, e.reason ?? null, e.releaseId])).toEqual([
      ['boss', 'freeze_override', 'CVE-2026-1234: patch the login', released.id],
      ['boss', 'promote', null, released.id],
    ]);
    expect(trail[0]!.detail).toEqual({ freeze: 'release-week', until });
    const report = (await a.inject({ url: `/api/releases/${released.id}/report`, headers: asShip })).body;
    expect(report).toContain('**Released by**: boss');
    expect(report).toMatch(/\n## Decisions\n[\s\S]*\| boss \| overrode the freeze "release-week" \(frozen until [^)]+\) \| CVE-2026-1234: patch the login \|\n/);

    // a rollback during the freeze is never blocked (and, being a person's, never locks the project)
    const production = git(fx.origin, 'rev-parse', 'refs/heads/production');
    const rollback = await a.inject({ method: 'POST', url: `/api/releases/${released.id}/rollback`, headers: asShip, payload: { reason: 'login errors' } });
    expect(rollback.statusCode, rollback.body).toBe(202);
    expect(await waitForStatus(a, rollback.json<{ id: string }>().id, ['succeeded', 'failed'], 60_000)).toMatchObject({ status: 'succeeded' });
    expect(git(fx.origin, 'rev-parse', 'refs/heads/production')).not.toBe(production);
    expect(git(fx.origin, 'rev-parse', 'refs/heads/production')).toBe(git(fx.origin, 'rev-parse', 'v2.6.0^{commit}'));
    expect((await a.inject({ url: `/api/projects/${projectId}`, headers: asShip })).json()).toMatchObject({ lock: null });
  });

  it('a project of its own may have no freeze; outside a freeze an override is not needed and not recorded', async () => {
    const { settings } = frozenSettings('projects:\n  acme-web: { freezes: [] }\n');
    const { projectId } = await start(settings, '  provider: git-branch\n  branch: production');
    expect((await app!.inject({ url: `/api/projects/${projectId}`, headers: asShip })).json()).toMatchObject({ freeze: null });
    const promoted = await app!.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asBoss, payload: { override: { reason: 'not needed' } } });
    expect(promoted.statusCode, promoted.body).toBe(202);
    await waitForStatus(app!, promoted.json<{ id: string }>().id, ['succeeded', 'failed'], 60_000);
    const actions = (await app!.inject({ url: `/api/audit?project=${projectId}`, headers: asShip })).json<{ items: Array<{ action: string }> }>().items.map((e) => e.action);
    expect(actions).toEqual(['promote']);
  });

  it('cancels and resumes are never blocked by a freeze or a lock', { timeout: 120_000 }, async () => {
    const { settings } = frozenSettings();
    const { fx, projectId, dataDir } = await start(settings, '  provider: command\n  command: sleep 4\n  rollbackCommand: "true"');
    const promote = () => app!.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asBoss, payload: { override: { reason: 'ship the fix' } } });
    const lock = () => app!.inject({ method: 'POST', url: `/api/projects/${projectId}/lock`, headers: asShip, payload: { reason: 'hold on' } });
    const atDeploy = async (id: string) => {
      for (let i = 0; i < 400; i++) {
        if ((await app!.inject({ url: `/api/releases/${id}`, headers: asShip })).json<{ currentStep: string | null }>().currentStep === 'deploy') return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the deploy step never started');
    };

    // a release stopped by a shutdown in its deploy step comes back interrupted; frozen and locked, it resumes
    const first = (await promote()).json<{ id: string }>().id;
    await atDeploy(first);
    await app!.close();
    app = await buildApp({ dataDir, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 300, settings });
    expect((await app.inject({ url: `/api/releases/${first}`, headers: asShip })).json()).toMatchObject({ status: 'interrupted' });
    expect((await lock()).statusCode).toBe(200);
    const project = (await app.inject({ url: `/api/projects/${projectId}`, headers: asShip })).json();
    expect(project).toMatchObject({ lock: { reason: 'hold on' }, freeze: { active: true } });
    const resumed = await app.inject({ method: 'POST', url: `/api/releases/${first}/resume`, headers: asShip, payload: { reason: 'the deploy target is back' } });
    expect(resumed.statusCode, resumed.body).toBe(202);
    expect(await waitForStatus(app, first, ['succeeded', 'failed'], 60_000)).toMatchObject({ status: 'succeeded', version: '2.7.0' });

    // frozen and locked, a running release is cancelled
    expect((await app.inject({ method: 'DELETE', url: `/api/projects/${projectId}/lock`, headers: asShip })).statusCode).toBe(200);
    git(fx.app, 'pull', '-q', '--rebase', 'origin', 'main');
    git(fx.app, 'commit', '-q', '--allow-empty', '-m', 'feat(orders): bulk export');
    git(fx.app, 'push', '-q', 'origin', 'main');
    const second = (await promote()).json<{ id: string }>().id;
    await atDeploy(second);
    expect((await lock()).statusCode).toBe(200);
    expect((await promote()).statusCode).toBe(423);
    const cancelled = await app.inject({ method: 'POST', url: `/api/releases/${second}/cancel`, headers: asShip, payload: { reason: 'wrong build' } });
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    const ended = await waitForStatus(app, second, ['cancelled', 'failed', 'succeeded', 'rolled_back'], 60_000);
    expect(ended, JSON.stringify(ended.error)).toMatchObject({ status: 'cancelled' });
  });
});
