import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeGitFixture } from '../testing/git-fixture.js';
import { asDeployer, createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

describe('projects', () => {
  it('lists registered projects with their versions and last release', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ url: '/api/projects', headers: asDeployer });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: 'acme-web', name: 'acme-web', dir: t.fixture.app, currentVersion: null, productionVersion: null, production: null, lastRelease: null, lock: null, approvalsRequired: 0, freeze: null }]);
    expect((await t.app.inject({ url: '/api/projects/acme-web', headers: asDeployer })).json()).toMatchObject({ id: 'acme-web' });
  });

  it('tells what production runs as soon as a plan could see it, before any Shipgate release', async () => {
    t = await createTestApp();
    expect((await t.app.inject({ url: '/api/projects/acme-web/plan', headers: asDeployer })).statusCode).toBe(200);
    const [project] = (await t.app.inject({ url: '/api/projects', headers: asDeployer })).json<Array<{ currentVersion: string; productionVersion: string }>>();
    expect(project).toMatchObject({ currentVersion: '2.6.0', productionVersion: '2.6.0', production: { version: '2.6.0', tag: 'v2.6.0', releaseId: null } });
  });

  it('POST /api/projects registers a work tree once, and refuses a dir that is not a git work tree', async () => {
    t = await createTestApp();
    const other = makeGitFixture('project: Billing Service\n');
    const created = await t.app.inject({ method: 'POST', url: '/api/projects', headers: asDeployer, payload: { dir: other.app } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'billing-service', name: 'Billing Service', dir: other.app });
    const again = await t.app.inject({ method: 'POST', url: '/api/projects', headers: asDeployer, payload: { dir: other.app } });
    expect(again.statusCode).toBe(200);
    const notGit = await t.app.inject({ method: 'POST', url: '/api/projects', headers: asDeployer, payload: { dir: mkdtempSync(join(tmpdir(), 'plain-')) } });
    expect(notGit.statusCode).toBe(400);
    expect(notGit.json()).toMatchObject({ error: 'not_a_git_repository' });
    const missing = await t.app.inject({ method: 'POST', url: '/api/projects', headers: asDeployer, payload: { dir: '/definitely/not/here' } });
    expect(missing.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/projects', headers: asDeployer, payload: { dir: 7 } })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/projects', headers: asDeployer })).json()).toHaveLength(2);
  });

  it('a project registered with a broken .shipgate.yaml takes the configured name once the file is fixed', async () => {
    t = await createTestApp();
    const broken = makeGitFixture('project: [Billing Service\n');
    const created = await t.app.inject({ method: 'POST', url: '/api/projects', headers: asDeployer, payload: { dir: broken.app } });
    expect(created.json()).toMatchObject({ id: 'app', name: 'app' });
    writeFileSync(join(broken.app, '.shipgate.yaml'), 'project: Billing Service\n');
    execFileSync('git', ['commit', '-qam', 'fix: the config'], { cwd: broken.app });
    execFileSync('git', ['push', '-q', 'origin', 'main'], { cwd: broken.app });
    expect((await t.app.inject({ url: '/api/projects/app/plan', headers: asDeployer })).statusCode).toBe(200);
    const project = (await t.app.inject({ url: '/api/projects/app', headers: asDeployer })).json<{ id: string; name: string }>();
    expect(project).toMatchObject({ id: 'app', name: 'Billing Service' });
  });

  it('projects persist across a restart on the same data dir', async () => {
    t = await createTestApp();
    const { dataDir, fixture } = t;
    await t.app.close();
    t = await createTestApp({ dataDir, fixture });
    expect((await t.app.inject({ url: '/api/projects', headers: asDeployer })).json()).toHaveLength(1);
  });

  it('plan comes from the server clone, not from uncommitted work in the checkout', async () => {
    t = await createTestApp();
    writeFileSync(join(t.fixture.app, 'package.json'), '{ "version": "9.9.9" }\n');
    const res = await t.app.inject({ url: `/api/projects/${t.projectId}/plan?bump=minor`, headers: asDeployer });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ currentVersion: '2.6.0', nextVersion: '2.7.0', blocked: false, steps: expect.arrayContaining(['deploy']) });
    expect((await t.app.inject({ url: `/api/projects/${t.projectId}/plan?bump=enormous`, headers: asDeployer })).statusCode).toBe(400);
  });

  it('serves the OpenAPI document generated from the route schemas, and the docs page', async () => {
    t = await createTestApp();
    const doc = (await t.app.inject({ url: '/api/openapi.json', headers: asDeployer })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/projects/{id}/releases', '/api/releases', '/api/releases/{id}/events', '/api/health']));
    const docs = await t.app.inject({ url: '/api/docs/', headers: asDeployer });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('unknown API paths are JSON 404s', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ url: '/api/nothing-here', headers: asDeployer });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });
});
