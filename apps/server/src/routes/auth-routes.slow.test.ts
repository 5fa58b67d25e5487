import { afterEach, describe, expect, it } from 'vitest';
import { asDeployer, asViewer, createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

describe('auth', () => {
  it('every API route but health answers 401 without a token, and health is application/health+json', async () => {
    t = await createTestApp();
    for (const url of ['/api/projects', '/api/releases', '/api/reports', '/api/session', '/api/openapi.json', `/api/projects/${t.projectId}/plan`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ error: 'unauthorized' });
    }
    expect((await t.app.inject({ url: '/api/projects' })).json().message).toMatch(/a token is required/);
    const wrong = await t.app.inject({ url: '/api/projects', headers: { authorization: 'Bearer wrong' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/not valid/) });
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-type']).toContain('application/health+json');
    expect(health.json()).toMatchObject({ status: 'pass' });
  });

  it('a viewer can read but gets 403 for every change', async () => {
    t = await createTestApp();
    expect((await t.app.inject({ url: '/api/projects', headers: asViewer })).statusCode).toBe(200);
    const changes = [
      { method: 'POST' as const, url: `/api/projects/${t.projectId}/releases`, payload: {} },
      { method: 'POST' as const, url: '/api/projects', payload: { dir: t.fixture.app } },
      { method: 'POST' as const, url: '/api/releases/rel_x/cancel' },
      { method: 'POST' as const, url: '/api/releases/rel_x/resume' },
      { method: 'POST' as const, url: '/api/releases/rel_x/rollback' },
    ];
    for (const change of changes) {
      const res = await t.app.inject({ ...change, headers: asViewer });
      expect(res.statusCode, change.url).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('POST /api/session trades a token for an HttpOnly SameSite=Strict cookie that authenticates until DELETE', async () => {
    t = await createTestApp();
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { token: 'nope' } })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { token: 'viewer-secret' } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ role: 'viewer' });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const me = await t.app.inject({ url: '/api/session', headers: { cookie } });
    expect(me.json()).toEqual({ role: 'viewer' });
    expect((await t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: { cookie }, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/session', headers: asDeployer })).json()).toEqual({ role: 'admin' }); // the server's own token is the owner's
  });

  it('a session body without a token is a 400, and a number is no token at all (400, not coerced to text)', async () => {
    t = await createTestApp();
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { token: 42 } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { token: ['a', 'b'] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: {} })).statusCode).toBe(400);
  });
});
