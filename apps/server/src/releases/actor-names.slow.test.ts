// Every action names a person: with the REAL engine on a real git fixture, a person's promote
// carries their name and id into the release and its ship report ("Released by"), and another
// person's rollback carries theirs and the reason into the rollback record, its report and the
// audit trail.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import { personSession } from '../testing/person-session.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { asDeployer, DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

describe('every action names a person', () => {
  it('the release, its ship report, the rollback record, its report and the audit trail say who and why', { timeout: 120_000 }, async () => {
    const fx = makeReleaseFixture('  provider: git-branch\n  branch: production');
    const settings = parseServerSettings('auth:\n  roles:\n    - { match: "email:*@acme.example", role: deployer }\n', 'server.yaml', {});
    app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-actors-')), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 500, settings });
    const { project } = await registerProject(app.services, fx.app);
    const as = (cookie: string) => ({ cookie, origin: 'http://localhost', host: 'localhost' });
    const bob = await personSession(app, { id: 'oidc:bob', name: 'Bob Builder', email: 'bob@acme.example', groups: [] });
    const ann = await personSession(app, { id: 'oidc:ann', name: 'Ann Operator', email: 'ann@acme.example', groups: [] });

    const promoted = await app.inject({ method: 'POST', url: `/api/projects/${project.id}/releases`, headers: as(bob), payload: {} });
    expect(promoted.statusCode, promoted.body).toBe(202);
    expect(promoted.json()).toMatchObject({ actor: 'Bob Builder', actorId: 'oidc:bob' });
    const released = await waitForStatus(app, promoted.json().id, ['succeeded', 'failed'], 60_000);
    expect(released.status).toBe('succeeded');
    const report = (await app.inject({ url: `/api/releases/${released.id}/report`, headers: asDeployer })).body;
    expect(report).toMatch(/\*\*Released by\*\*: Bob Builder\n- \*\*Actor ID\*\*: oidc:bob\n/);

    const rollback = await app.inject({ method: 'POST', url: `/api/releases/${released.id}/rollback`, headers: as(ann), payload: { reason: 'checkout errors since the deploy' } });
    expect(rollback.statusCode, rollback.body).toBe(202);
    expect(rollback.json()).toMatchObject({ kind: 'rollback', actor: 'Ann Operator', actorId: 'oidc:ann', reason: 'checkout errors since the deploy' });
    const done = await waitForStatus(app, rollback.json().id, ['succeeded', 'failed'], 60_000);
    expect(done.status).toBe('succeeded');
    const rollbackReport = (await app.inject({ url: `/api/releases/${done.id}/report`, headers: asDeployer })).body;
    expect(rollbackReport).toMatch(/\*\*Rolled back by\*\*: Ann Operator\n- \*\*Actor ID\*\*: oidc:ann\n/);
    expect(rollbackReport).toMatch(/\*\*Reason\*\*: checkout errors since the deploy\n/);

    const trail = (await app.inject({ url: `/api/audit?project=${project.id}`, headers: asDeployer })).json().items;
    expect(trail.map((e: { actor: string; action: string; reason?: string }) => [e.actor, e.action, e.reason ?? null])).toEqual([
      ['Ann Operator', 'rollback', 'checkout errors since the deploy'],
      ['Bob Builder', 'promote', null],
    ]);
  });
});
