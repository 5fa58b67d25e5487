// lockAfterRollback (CONTRACT §7) with the REAL engine: a release whose health check fails after
// the deploy is rolled back by the engine itself; with `lockAfterRollback: true` Shipgate then
// locks the project ("v2.7.0 was rolled back automatically: unlock when the fix is in"), audits
// it and lists it in the release's ship report, and the next promote answers 423 without
// planning or pushing anything. A project whose own settings say `lockAfterRollback: false`
// is not locked by the same failure.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import { git } from '../testing/git-fixture.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { asDeployer, DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
let health: Server | undefined;
afterEach(async () => {
  await app?.close();
  await new Promise<void>((done) => (health ? health.close(() => done()) : done()));
});

/** The production service's health endpoint: /health/2.7.0 (the faulty release) answers 503, every other version 200. */
async function healthServer(): Promise<string> {
  health = createServer((req, res) => {
    const faulty = req.url === '/health/2.7.0';
    res.writeHead(faulty ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: faulty ? 'fail' : 'pass' }));
  });
  await new Promise<void>((done) => health!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(health.address() as AddressInfo).port}/health/{{version}}`;
}

async function faultyRelease(settingsYaml: string) {
  const url = await healthServer();
  const deploy = `  provider: git-branch\n  branch: production\nhealth:\n  checks:\n    - name: api-health\n      url: ${url}\n      timeout: 1s\n      interval: 0.2s\n      failureThreshold: 2\n      deadline: 3s`;
  const fx = makeReleaseFixture(deploy);
  app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-lar-')), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 300, settings: parseServerSettings(settingsYaml, 'server.yaml', {}) });
  const { project } = await registerProject(app.services, fx.app);
  const productionBefore = git(fx.origin, 'rev-parse', 'refs/heads/production');
  const promoted = await app.inject({ method: 'POST', url: `/api/projects/${project.id}/releases`, headers: asDeployer, payload: {} });
  expect(promoted.statusCode, promoted.body).toBe(202);
  const done = await waitForStatus(app, promoted.json<{ id: string }>().id, ['succeeded', 'failed', 'rolled_back'], 60_000);
  return { fx, projectId: project.id, release: done, productionBefore };
}

describe('lockAfterRollback', () => {
  it('an automatic rollback locks the project: audited, in the ship report, and the next promote is refused with nothing pushed', { timeout: 120_000 }, async () => {
    const { fx, projectId, release, productionBefore } = await faultyRelease('lockAfterRollback: true\n');
    expect(release).toMatchObject({ status: 'rolled_back', version: '2.7.0' });
    // the engine really deployed v2.7.0 and rolled production back to what it ran before
    expect(git(fx.origin, 'tag', '-l')).toContain('v2.7.0');
    expect(git(fx.origin, 'rev-parse', 'refs/heads/production')).toBe(productionBefore);

    const reason = 'v2.7.0 was rolled back automatically: unlock when the fix is in';
    const project = (await app!.inject({ url: `/api/projects/${projectId}`, headers: asDeployer })).json();
    expect(project.lock).toEqual({ reason, by: 'Shipgate', since: expect.any(String), automatic: true });

    const trail = (await app!.inject({ url: `/api/audit?project=${projectId}`, headers: asDeployer })).json().items;
    expect(trail[0]).toMatchObject({ actor: 'Shipgate', actorId: 'system:shipgate', action: 'lock', releaseId: release.id, reason, detail: { automatic: true, lockAfterRollback: true } });
    const report = (await app!.inject({ url: `/api/releases/${release.id}/report`, headers: asDeployer })).body;
    expect(report).toContain('rolled back');
    expect(report).toContain(`| Shipgate | locked the project after the automatic rollback (lockAfterRollback) | ${reason} |`);

    const refs = git(fx.origin, 'for-each-ref', '--format=%(refname) %(objectname)');
    const count = (await app!.inject({ url: `/api/releases?project=${projectId}`, headers: asDeployer })).json().items.length;
    const refused = await app!.inject({ method: 'POST', url: `/api/projects/${projectId}/releases`, headers: asDeployer, payload: {} });
    expect(refused.statusCode).toBe(423);
    expect(refused.json()).toMatchObject({ error: 'locked', lock: { reason, automatic: true } });
    expect((await app!.inject({ url: `/api/releases?project=${projectId}`, headers: asDeployer })).json().items).toHaveLength(count);
    expect(git(fx.origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs);

    // unlocking is a person's decision, audited with who and what the lock said
    expect((await app!.inject({ method: 'DELETE', url: `/api/projects/${projectId}/lock`, headers: asDeployer })).json()).toMatchObject({ lock: null });
  });

  it("a project's own lockAfterRollback: false wins over the server's true", { timeout: 120_000 }, async () => {
    const { projectId, release } = await faultyRelease('lockAfterRollback: true\nprojects:\n  acme-web: { lockAfterRollback: false }\n');
    expect(release).toMatchObject({ status: 'rolled_back' });
    expect((await app!.inject({ url: `/api/projects/${projectId}`, headers: asDeployer })).json()).toMatchObject({ lock: null });
    const actions = (await app!.inject({ url: `/api/audit?project=${projectId}`, headers: asDeployer })).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['promote']);
  });
});
