// Request bodies are taken as sent: no type coercion. A JSON null body, {"dryRun":null}, 0,
// "true", 1, [true] or {"monitor":"false"} is a 400 that starts nothing — before, each of these
// started a REAL release (null → dryRun false) or flipped monitoring off.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../testing/fake-engine.js';
import { git } from '../testing/git-fixture.js';
import { asDeployer, createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

const json = { ...asDeployer, 'content-type': 'application/json' };

describe('strict request bodies', () => {
  it('wrong JSON types in a promote body are 400 and start nothing', async () => {
    const engine = new FakeEngine();
    t = await createTestApp({ engine });
    const refs = git(t.fixture.origin, 'show-ref');
    const bodies = [
      'null',
      '{"dryRun":null}',
      '{"dryRun":0}',
      '{"dryRun":1}',
      '{"dryRun":"true"}',
      '{"dryRun":"false"}',
      '{"dryRun":[true]}',
      '{"dryRun":[]}',
      '{"monitor":"false"}',
      '{"monitor":0}',
      '{"monitor":null}',
      '{"bump":1}',
      '{"bump":["minor"]}',
      '{"spec":123}',
      '0',
      '"x"',
      '[]',
      '[{}]',
      'true',
    ];
    for (const payload of bodies) {
      const res = await t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: json, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json(), payload).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
    expect(engine.runs).toBe(0);
    expect(engine.plans).toBe(0);
    expect(await t.app.services.releases.list({ limit: 10 })).toEqual([]);
    expect(git(t.fixture.origin, 'show-ref')).toBe(refs);
    // a body-less POST still means "all defaults", and real booleans still work
    const dry = await t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: json, payload: '{"dryRun":true,"monitor":false}' });
    expect(dry.statusCode).toBe(202);
    expect(dry.json()).toMatchObject({ dryRun: true });
  });

  it('sign-in and register bodies are not coerced either; query strings still are (typed)', async () => {
    t = await createTestApp();
    for (const payload of ['{"token":12345}', '{"token":["deployer-secret"]}', '{"token":null}', 'null']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
    }
    for (const payload of ['{"dir":123}', '{"dir":["/tmp"]}', 'null']) {
      expect((await t.app.inject({ method: 'POST', url: '/api/projects', headers: json, payload })).statusCode, payload).toBe(400);
    }
    expect(t.app.services.db.$client.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
    expect(await t.app.services.projects.list()).toHaveLength(1);
    expect((await t.app.inject({ url: '/api/releases?limit=5', headers: asDeployer })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/releases?limit=five', headers: asDeployer })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/releases?limit=1&limit=2', headers: asDeployer })).statusCode).toBe(400);
  });
});
