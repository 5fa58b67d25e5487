// The story of issue 11, replayed against the real server (real engine, real git, the demo
// production service following the production branch): release, release, manual rollback,
// a faulty release that monitoring rolls back, the fixed release. After every step the API's
// production, the remote's production branch and the demo service's /api/version agree, and
// every release's previousVersion is what production ran before it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoService, type DemoService } from '@shipgate/demo-service';
import type { ProjectDto, ReleaseDto, ReleaseListDto } from '@shipgate/contract';
import { buildApp } from '../app.js';
import { DEPLOYER, VIEWER } from '../testing/test-app.js';
import { buildSandbox, sandboxGit, type Sandbox } from './build-sandbox.js';
import { fixTheFault } from './fix-the-fault.js';
import { makeFaultyRelease } from './make-faulty-release.js';
import { freePort } from '../testing/free-port.js';

describe('the story of issue 11 on the real server', () => {
  let sandbox: Sandbox;
  let service: DemoService;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  const auth = { authorization: `Bearer ${DEPLOYER}`, 'content-type': 'application/json' };
  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers: auth, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'shipgate-replay-'));
    const port = await freePort();
    sandbox = buildSandbox({ root, servicePort: port, monitoring: { window: '30s', baseline: '6s', warmup: '2s', interval: '3s' } });
    service = await runDemoService({ port, repoDir: sandbox.serviceDir, trafficRps: 120, follow: { origin: sandbox.origin, branch: 'production', pollMs: 200 } });
    app = await buildApp({ dataDir: join(root, 'data'), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: process.env, demo: { makeFaultyRelease: (kind) => makeFaultyRelease(sandbox.app, kind) } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await api('/api/projects', { method: 'POST', body: { dir: sandbox.app } })).status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await service?.close();
  });

  /** The API's production = the tag on the remote's production branch = what the demo service runs. */
  async function expectProduction(version: string): Promise<ProjectDto> {
    const branch = sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/production');
    expect(sandboxGit(sandbox.origin, 'rev-parse', `refs/tags/v${version}^{commit}`), `the remote's production branch runs v${version}`).toBe(branch);
    await expect.poll(async () => ((await (await fetch(`${service.url}/api/version`)).json()) as { version: string }).version, { timeout: 10_000 }).toBe(version);
    const [project] = (await api<ProjectDto[]>('/api/projects')).body;
    expect(project?.productionVersion).toBe(version);
    expect(project?.production).toMatchObject({ version, tag: `v${version}`, commit: branch });
    return project!;
  }

  async function finished(id: string): Promise<ReleaseDto> {
    for (let i = 0; i < 600; i++) {
      const { body } = await api<ReleaseDto>(`/api/releases/${id}`);
      if (['succeeded', 'failed', 'rolled_back', 'cancelled', 'interrupted'].includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`release ${id} did not finish`);
  }

  async function promote(): Promise<ReleaseDto> {
    const started = await api<ReleaseDto>('/api/projects/demo-shop/releases', { method: 'POST', body: {} });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return finished(started.body.id);
  }

  it('production, the remote and the service agree after every step, and previousVersion is what production ran before', async () => {
    expect((await api('/api/projects/demo-shop/plan')).status).toBe(200);
    await expectProduction('1.4.0');

    // 1. a release
    const first = await promote();
    expect(first).toMatchObject({ kind: 'release', status: 'succeeded', version: '1.5.0', previousVersion: '1.4.0' });
    expect((await expectProduction('1.5.0')).production?.releaseId).toBe(first.id);

    // 2. another release
    sandboxGit(sandbox.app, 'pull', '-q', '--rebase', 'origin', 'main');
    writeFileSync(join(sandbox.app, 'src/reorder.js'), 'export const reorder = (order) => ({ ...order, id: undefined, note: order.note });\n');
    sandboxGit(sandbox.app, 'commit', '-q', '-am', 'fix(orders): reorder keeps the delivery note');
    sandboxGit(sandbox.app, 'push', '-q', 'origin', 'main');
    const second = await promote();
    expect(second).toMatchObject({ status: 'succeeded', version: '1.5.1', previousVersion: '1.5.0', actions: ['rollback'] });
    await expectProduction('1.5.1');

    // 3. a manual rollback: its own record; 1.5.1 keeps its outcome and links to it
    const asked = await api<ReleaseDto>(`/api/releases/${second.id}/rollback`, { method: 'POST', body: { reason: 'orders page is slow' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    const rollback = await finished(asked.body.id);
    expect(rollback).toMatchObject({ kind: 'rollback', status: 'succeeded', version: '1.5.0', previousVersion: '1.5.1', reason: 'orders page is slow', rollbackOf: second.id, actions: [] });
    expect(rollback.steps.map((s) => [s.name, s.status])).toEqual([['rollback', 'succeeded'], ['health-checks', 'succeeded'], ['ship-report', 'succeeded']]);
    expect((await api<ReleaseDto>(`/api/releases/${second.id}`)).body).toMatchObject({ status: 'succeeded', rolledBackBy: rollback.id, actions: [] });
    expect((await expectProduction('1.5.0')).production?.releaseId).toBe(rollback.id);
    expect(sandboxGit(sandbox.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v1.5.1 to v1.5.0');
    const report = await fetch(`${base}/api/releases/${rollback.id}/report`, { headers: auth });
    expect(await report.text()).toMatch(/Rolled back\*\*: v1\.5\.1 → v1\.5\.0[\s\S]*orders page is slow/);

    // 4. a faulty release: health checks pass, monitoring catches it and rolls it back
    makeFaultyRelease(sandbox.app, 'errors');
    const faulty = await promote();
    const watched = faulty.steps.find((s) => s.name === 'monitor');
    expect(faulty, `monitoring said: ${watched?.detail ?? 'nothing'}; error: ${JSON.stringify(faulty.error)}; steps: ${JSON.stringify(faulty.steps.map((s) => [s.name, s.status, s.detail]))}`).toMatchObject({ status: 'rolled_back', version: '1.6.0', previousVersion: '1.5.0' });
    await expectProduction('1.5.0');

    // 5. the fixed release: production ran 1.5.0 before it (not the rolled-back 1.6.0)
    expect(fixTheFault(sandbox.app)).not.toBeNull();
    const fixed = await promote();
    expect(fixed).toMatchObject({ status: 'succeeded', version: '1.6.1', previousVersion: '1.5.0' });
    await expectProduction('1.6.1');

    // History lists every run, newest first, the rollback among them
    const list = (await api<ReleaseListDto>('/api/releases?project=demo-shop')).body.items.map((r) => [r.kind, r.version, r.status]);
    expect(list).toEqual([
      ['release', '1.6.1', 'succeeded'],
      ['release', '1.6.0', 'rolled_back'],
      ['rollback', '1.5.0', 'succeeded'],
      ['release', '1.5.1', 'succeeded'],
      ['release', '1.5.0', 'succeeded'],
    ]);
  }, 600_000);
});
