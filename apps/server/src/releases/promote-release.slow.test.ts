import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../testing/fake-engine.js';
import { asDeployer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

describe('promote under contention', () => {
  it('50 simultaneous promotes of one project give exactly one 202 and 49 × 409 naming it', async () => {
    t = await createTestApp({ engine: new FakeEngine({ beforeStep: () => new Promise((r) => setTimeout(r, 20)) }) });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: asDeployer, payload: {} })),
    );
    const accepted = answers.filter((a) => a.statusCode === 202);
    const conflicts = answers.filter((a) => a.statusCode === 409);
    expect(accepted).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const id = accepted[0]!.json().id;
    for (const c of conflicts) expect(c.json()).toEqual({ error: 'release_in_progress', message: expect.any(String), releaseId: id });
    await waitForStatus(t.app, id, ['succeeded']);
    expect((t.engine as FakeEngine).runs).toBe(1);
  });

  it('the database refuses a second active release even when the app is bypassed', async () => {
    t = await createTestApp();
    const { releases } = t.app.services;
    const row = { projectId: t.projectId, status: 'running' as const, actor: 'x', createdAt: new Date().toISOString() };
    expect(await releases.insert({ ...row, id: 'rel_a' }, [])).toEqual({ ok: true });
    expect(await releases.insert({ ...row, id: 'rel_b', status: 'interrupted' }, [])).toEqual({ ok: false, activeId: 'rel_a' });
    expect(await releases.insert({ ...row, id: 'rel_c', status: 'succeeded' }, [])).toEqual({ ok: true });
  });
});
