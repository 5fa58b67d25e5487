import { describe, expect, it } from 'vitest';
import type { HttpCheckConfig } from '../config/config-types.js';
import type { HttpRequest, HttpResponse } from '../context.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import type { AttemptResult } from './health-check.js';
import { httpCheck } from './http-check.js';

const base: HttpCheckConfig = {
  kind: 'http',
  name: 'api',
  url: 'http://app/health',
  method: 'GET',
  headers: {},
  expectStatus: [200],
  timeoutSeconds: 5,
  intervalSeconds: 5,
  initialDelaySeconds: 0,
  successThreshold: 1,
  failureThreshold: 3,
  deadlineSeconds: 60,
  severity: 'critical',
};

async function attempt(
  overrides: Partial<HttpCheckConfig>,
  response: Partial<HttpResponse>,
  latencyMs = 5,
): Promise<AttemptResult & { sent: { url: string; request: HttpRequest | undefined } }> {
  const clock = new ManualClock();
  const sent = { url: '', request: undefined as HttpRequest | undefined };
  const ctx = fakeContext({
    clock,
    http: async (url, request) => {
      Object.assign(sent, { url, request });
      clock.advance(latencyMs);
      return { status: 200, headers: {}, body: '', ...response };
    },
  });
  const config = { ...base, ...overrides };
  httpCheck.validate(config);
  const result = await httpCheck.attempt({ config, ctx, version: '1.4.0', timeoutMs: 5_000, cwd: '.' });
  return { ...result, sent };
}

const healthJson = (document: unknown, status = 200): Partial<HttpResponse> => ({
  status,
  headers: { 'content-type': 'application/health+json' },
  body: JSON.stringify(document),
});

describe('http check', () => {
  it('accepts statuses given as numbers, classes and ranges', async () => {
    expect((await attempt({ expectStatus: ['2xx'] }, { status: 204 })).outcome).toBe('pass');
    expect((await attempt({ expectStatus: ['300-399', 200] }, { status: 302 })).outcome).toBe('pass');
    expect((await attempt({ expectStatus: [] }, { status: 299 })).outcome).toBe('pass');
    expect(await attempt({ expectStatus: [200, '2xx'] }, { status: 500 })).toMatchObject({
      outcome: 'fail',
      observed: '500',
      detail: 'status 500, expected 200, 2xx',
    });
  });

  it('sends method, templated url, headers and body with the attempt timeout', async () => {
    const result = await attempt(
      { method: 'post', url: 'http://app/v/{{version}}', headers: { 'x-expect': 'v{{ version }}' }, body: '{"v":"{{version}}"}' },
      { status: 200 },
    );
    expect(result.sent.url).toBe('http://app/v/1.4.0');
    expect(result.sent.request).toMatchObject({ method: 'POST', headers: { 'x-expect': 'v1.4.0' }, body: '{"v":"1.4.0"}', timeoutMs: 5_000 });
    expect(result).toMatchObject({ outcome: 'pass', observed: '200', latencyMs: 5 });
  });

  it('fails a response slower than maxLatencyMs and shows the latency', async () => {
    expect(await attempt({ maxLatencyMs: 500 }, {}, 812)).toMatchObject({
      outcome: 'fail',
      observed: '812 ms',
      detail: 'answered in 812 ms, more than the 500 ms allowed',
    });
    expect((await attempt({ maxLatencyMs: 500 }, {}, 499)).outcome).toBe('pass');
  });

  it('requires the body to match bodyMatches, with the version inserted literally', async () => {
    expect((await attempt({ bodyMatches: 'version: {{version}}' }, { body: 'version: 1.4.0' })).outcome).toBe('pass');
    const wrong = await attempt({ bodyMatches: 'version: {{version}}' }, { body: 'version: 1x4x0' });
    expect(wrong).toMatchObject({ outcome: 'fail', observed: 'version: 1x4x0', detail: 'body does not match /version: 1.4.0/' });
  });

  it('fails when the body matches bodyNotMatches', async () => {
    const result = await attempt({ bodyNotMatches: 'maintenance|error' }, { body: '<h1>Down for maintenance</h1>' });
    expect(result).toMatchObject({ outcome: 'fail', observed: 'maintenance' });
  });

  it('asserts JSON paths with string comparison after templating', async () => {
    const body = JSON.stringify({ build: { version: '1.4.0', workers: [{ up: true }] }, lag: 3, region: null });
    const ok = await attempt({ json: { 'build.version': '{{version}}', 'build.workers[0].up': true, lag: 3, region: null } }, { body });
    expect(ok.outcome).toBe('pass');
    expect(await attempt({ json: { 'build.version': '{{version}}' } }, { body: JSON.stringify({ build: { version: '1.3.9' } }) })).toMatchObject({
      outcome: 'fail',
      observed: 'build.version=1.3.9',
      detail: 'build.version is 1.3.9, expected 1.4.0',
    });
    expect(await attempt({ json: { 'queue.lag': 0 } }, { body: '{}' })).toMatchObject({ outcome: 'fail', observed: 'queue.lag missing' });
    expect(await attempt({ json: { ok: true } }, { body: '<html>' })).toMatchObject({ outcome: 'fail', detail: 'body is not JSON' });
  });

  it('reads application/health+json: pass is good, warn is acceptable, fail is bad', async () => {
    expect(await attempt({}, healthJson({ status: 'pass' }))).toMatchObject({ outcome: 'pass', observed: '200 pass' });
    const warn = await attempt({}, healthJson({ status: 'warn', checks: { 'cache:hitRatio': [{ status: 'warn' }] } }));
    expect(warn).toMatchObject({ outcome: 'pass', observed: '200 warn' });
    expect(warn.detail).toContain('health: warn (cache: warn)');
    const down = await attempt({ expectStatus: ['2xx', 503] }, healthJson({ status: 'fail', checks: { db: [{ status: 'fail' }] } }, 503));
    expect(down).toMatchObject({ outcome: 'fail', observed: '503 fail', detail: 'health: fail (db: fail)' });
  });

  it('shows its target without the credentials its url may carry', () => {
    expect(httpCheck.target({ ...base, url: 'https://ops:s3cret@app.example/health?v={{version}}' }, '1.4.0')).toBe('GET https://app.example/health?v=1.4.0');
  });

  it('says where an unexpected redirect points (redirects are not followed)', async () => {
    expect(await attempt({ expectStatus: ['2xx'] }, { status: 302, headers: { location: '/ok' } })).toMatchObject({
      outcome: 'fail',
      detail: "status 302, expected 2xx (redirects to /ok: point the check's url there, or expect 302)",
    });
  });

  it('explains a status mismatch with the health+json verdict', async () => {
    const result = await attempt({}, healthJson({ status: 'fail', checks: { 'db:connections': [{ status: 'fail' }] } }, 503));
    expect(result.detail).toBe('status 503, expected 200; health: fail (db: fail)');
  });

  it('fails when a named component fails or is missing, even with an overall pass', async () => {
    const document = { status: 'pass', checks: { 'db:connections': [{ status: 'pass' }, { status: 'down' }], cache: [{ status: 'up' }] } };
    expect(await attempt({ components: ['db'] }, healthJson(document))).toMatchObject({ outcome: 'fail', detail: 'health: pass (db: down)' });
    expect((await attempt({ components: ['cache'] }, healthJson(document))).outcome).toBe('pass');
    expect(await attempt({ components: ['queue'] }, healthJson(document))).toMatchObject({
      outcome: 'fail',
      detail: 'health: pass (queue: not reported, db: down)',
    });
  });

  it('turns a port error into "could not measure" with the error as the observed value', async () => {
    const ctx = fakeContext({ http: async () => Promise.reject(new Error('timed out after 5000 ms')) });
    const result = await httpCheck.attempt({ config: base, ctx, version: '1', timeoutMs: 5_000, cwd: '.' });
    expect(result).toEqual({ outcome: 'unknown', observed: 'timed out after 5000 ms', detail: 'could not measure: timed out after 5000 ms', latencyMs: null });
  });

  it('rejects impossible settings with CONFIG_INVALID naming the field', () => {
    expect(() => httpCheck.validate({ ...base, expectStatus: ['20x'] })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => httpCheck.validate({ ...base, bodyMatches: '(' })).toThrow(
      expect.objectContaining({ location: { field: 'health.checks.api.bodyMatches' } }),
    );
    expect(() => httpCheck.validate({ ...base, json: { 'a..b': 1 } })).toThrow(/not a JSON path/);
  });

  it('names its target as method and templated url', () => {
    expect(httpCheck.target({ ...base, url: 'https://x/{{version}}' }, '2.0.0')).toBe('GET https://x/2.0.0');
  });
});
