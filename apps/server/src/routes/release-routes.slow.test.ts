import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../testing/fake-engine.js';
import { asDeployer, asViewer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

const promote = (body: object = {}, headers: Record<string, string> = asDeployer) =>
  t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers, payload: body });

describe('releases', () => {
  it('promote answers 202 with the release, which runs to succeeded with its steps and report', async () => {
    t = await createTestApp();
    const res = await promote();
    expect(res.statusCode).toBe(202);
    const created = res.json();
    expect(created).toMatchObject({ projectId: t.projectId, version: '2.7.0', previousVersion: '2.6.0', tag: 'v2.7.0' });
    expect(created.steps.map((s: { name: string }) => s.name)).toContain('deploy');
    const done = await waitForStatus(t.app, created.id, ['succeeded']);
    expect(done).toMatchObject({ version: '2.7.0', commit: 'abc123', error: null });
    expect((done.steps as { status: string }[]).every((s) => s.status === 'succeeded')).toBe(true);
    const report = await t.app.inject({ url: `/api/releases/${created.id}/report`, headers: asDeployer });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/markdown');
    expect(report.body).toBe('# Ship report 2.7.0\n');
    const reports = await t.app.inject({ url: `/api/reports?project=${t.projectId}`, headers: asViewer });
    expect(reports.json()).toEqual([expect.objectContaining({ releaseId: created.id, project: t.projectId, version: '2.7.0', status: 'succeeded' })]);
  });

  it('events come back in order with gapless seq, and after= skips what the caller has', async () => {
    t = await createTestApp();
    const { id } = (await promote()).json();
    await waitForStatus(t.app, id, ['succeeded']);
    const events = (await t.app.inject({ url: `/api/releases/${id}/events?after=0`, headers: asDeployer })).json();
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(events[0]).toMatchObject({ seq: 1, type: 'release.status', status: 'queued' });
    expect(events.at(-1)).toMatchObject({ type: 'release.status', status: 'succeeded' });
    const later = (await t.app.inject({ url: `/api/releases/${id}/events?after=5`, headers: asDeployer })).json();
    expect(later[0].seq).toBe(6);
    expect(later).toHaveLength(events.length - 5);
  });

  it('passes allowUnvalidated { reason } to the plan with the actor, and refuses any other shape with 400', async () => {
    const engine = new FakeEngine();
    t = await createTestApp({ engine });
    const ok = await promote({ allowUnvalidated: { reason: 'hotfix for INC-42,\n  checked by hand' } });
    expect(ok.statusCode, ok.body).toBe(202);
    expect(engine.lastPlanInput).toMatchObject({ allowUnvalidated: { reason: 'hotfix for INC-42, checked by hand', by: 'deployer' } });
    await waitForStatus(t.app, ok.json().id, ['succeeded']);
    for (const bad of [{ allowUnvalidated: 'hotfix' }, { allowUnvalidated: {} }, { allowUnvalidated: { reason: '' } }, { allowUnvalidated: { reason: '   ' } }, { allowUnvalidated: { reason: 'x', by: 'someone else' } }, { allowUnvalidated: true }, { allowUnvalidated: { reason: 5 } }, { allowUnvalidated: { reason: ['why'] } }]) {
      const res = await promote(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(engine.plans).toBe(1);
  });

  it('a blocked plan answers 422 with the blockers and creates no release', async () => {
    t = await createTestApp({ engine: new FakeEngine({ blockers: ['staging validation is pending'] }) });
    const res = await promote();
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'blocked', blockers: ['staging validation is pending'] });
    expect((await t.app.inject({ url: '/api/releases', headers: asDeployer })).json().items).toEqual([]);
  });

  it('a second promote while one is active answers 409 with the active release id', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    t = await createTestApp({ engine: new FakeEngine({ beforeStep: (step) => (step === 'deploy' ? held : Promise.resolve()) }) });
    const first = (await promote()).json();
    const second = await promote();
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: 'release_in_progress', releaseId: first.id });
    release();
    await waitForStatus(t.app, first.id, ['succeeded']);
    expect((await promote()).statusCode).toBe(202);
  });

  it('lists releases newest first with a cursor to the next page and filters', async () => {
    t = await createTestApp();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = (await promote()).json();
      ids.push(id);
      await waitForStatus(t.app, id, ['succeeded']);
    }
    const page1 = (await t.app.inject({ url: '/api/releases?limit=2', headers: asDeployer })).json();
    expect(page1.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    const page2 = (await t.app.inject({ url: `/api/releases?limit=2&cursor=${page1.nextCursor}`, headers: asDeployer })).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const failed = (await t.app.inject({ url: `/api/releases?status=failed&project=${t.projectId}`, headers: asDeployer })).json();
    expect(failed.items).toEqual([]);
  });

  it('unknown, malformed and tricky ids answer 404 or 400 as JSON', async () => {
    t = await createTestApp();
    const unknown = await t.app.inject({ url: '/api/releases/rel_nope', headers: asDeployer });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
    for (const url of ['/api/releases/..%2F..%2Fetc%2Fpasswd', '/api/releases/a%20b/events', '/api/releases/x/events?after=-1', '/api/releases?limit=abc', '/api/releases?status=exploded', '/api/releases?cursor=garbage']) {
      const res = await t.app.inject({ url, headers: asDeployer });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toHaveProperty('error');
    }
    for (const url of ['/api/releases/rel_nope/report', '/api/releases/rel_nope/events', `/api/projects/nope/plan`]) {
      expect((await t.app.inject({ url, headers: asDeployer })).statusCode, url).toBe(404);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/projects/nope/releases', headers: asDeployer, payload: {} })).statusCode).toBe(404);
  });

  it('bad bodies get 4xx JSON errors and the server keeps serving', async () => {
    t = await createTestApp();
    const url = `/api/projects/${t.projectId}/releases`;
    const malformed = await t.app.inject({ method: 'POST', url, headers: { ...asDeployer, 'content-type': 'application/json' }, payload: '{"bump":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'malformed_json' });
    const wrongType = await promote({ dryRun: 'yes please' });
    expect(wrongType.statusCode).toBe(400);
    expect((await promote({ bump: 'huge' })).statusCode).toBe(400);
    expect((await promote({ surprise: true })).statusCode).toBe(400);
    const huge = await t.app.inject({ method: 'POST', url, headers: { ...asDeployer, 'content-type': 'application/json' }, payload: JSON.stringify({ spec: 'x'.repeat(100_000) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'payload_too_large' });
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
