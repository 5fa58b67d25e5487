import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../context.js';
import { ShipgateError } from '../errors.js';
import { ManualClock, fakeContext } from '../testing/fake-context.js';
import { createGithubApi, rateLimitWaitMs, readGithubToken } from './github-api.js';

const TOKEN = 'ghp_secretTOKEN123';

function scripted(responses: (HttpResponse | Error)[]) {
  const calls: { url: string; request: HttpRequest | undefined }[] = [];
  const clock = new ManualClock();
  const ctx = fakeContext({
    clock,
    http: async (url, request) => {
      calls.push({ url, request });
      const next = responses.shift();
      if (!next) throw new Error('no more scripted responses');
      if (next instanceof Error) throw next;
      return next;
    },
  });
  const api = createGithubApi({ ctx, apiUrl: 'https://ghe.example/api/v3/', token: TOKEN, tokenEnv: 'GH_TOKEN' });
  return { api, calls, clock };
}

const ok = (body: unknown, status = 200): HttpResponse => ({ status, headers: {}, body: JSON.stringify(body) });

async function caught(promise: Promise<unknown>): Promise<ShipgateError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShipgateError);
  return error as ShipgateError;
}

describe('createGithubApi', () => {
  it('sends the bearer token, the GitHub media type and the pinned API version to the configured API URL', async () => {
    const { api, calls } = scripted([ok({ id: 1 })]);
    const response = await api.request('GET', '/repos/acme/web/actions/runs/1');
    expect(response.data).toEqual({ id: 1 });
    expect(calls[0]?.url).toBe('https://ghe.example/api/v3/repos/acme/web/actions/runs/1');
    expect(calls[0]?.request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    });
  });

  it('retries a 502 with backoff on the injected clock and returns the later success', async () => {
    const { api, calls, clock } = scripted([ok({ message: 'Bad Gateway' }, 502), ok({ message: 'Bad Gateway' }, 502), ok({ id: 7 })]);
    const before = clock.now().getTime();
    const response = await api.request('GET', '/repos/acme/web/actions/runs/7');
    expect(response.data).toEqual({ id: 7 });
    expect(calls).toHaveLength(3);
    expect(clock.now().getTime() - before).toBe(1000 + 2000);
  });

  it('gives up on a persistent 5xx after five attempts and says what GitHub answered', async () => {
    const { api, calls } = scripted(Array.from({ length: 5 }, () => ok({ message: 'Service Unavailable' }, 503)));
    const error = await caught(api.request('POST', '/repos/acme/web/releases', {}));
    expect(calls).toHaveLength(5);
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toContain('503 Service Unavailable after 5 attempts');
  });

  it('waits until x-ratelimit-reset when the primary rate limit is exhausted', async () => {
    const clock = new ManualClock();
    const reset = Math.floor(clock.now().getTime() / 1000) + 30;
    const limited: HttpResponse = { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: '{"message":"API rate limit exceeded"}' };
    const { api, calls, clock: used } = scripted([limited, ok({ ok: true })]);
    const before = used.now().getTime();
    await api.request('GET', '/repos/acme/web/actions/runs/1');
    expect(calls).toHaveLength(2);
    expect(used.now().getTime() - before).toBeGreaterThanOrEqual(30_000);
    expect(used.now().getTime() - before).toBeLessThanOrEqual(32_000);
  });

  it('honours retry-after on a secondary rate limit', async () => {
    const { api, clock } = scripted([{ status: 429, headers: { 'retry-after': '7' }, body: '' }, ok({})]);
    const before = clock.now().getTime();
    await api.request('GET', '/x');
    expect(clock.now().getTime() - before).toBe(7000);
  });

  it('fails at once when the rate limit resets later than the longest allowed wait', async () => {
    const { api, calls } = scripted([{ status: 429, headers: { 'retry-after': '3600' }, body: '' }]);
    const error = await caught(api.request('GET', '/x'));
    expect(calls).toHaveLength(1);
    expect(error.message).toContain('rate limited; GitHub asks to wait 3600 s, more than the 60 s allowed');
  });

  it('never puts the token in an error, even when GitHub or the network echoes it', async () => {
    const echoed = await caught(scripted([ok({ message: `Bad credentials ${TOKEN}` }, 401)]).api.request('GET', '/user'));
    expect(echoed.message).toContain('401: Bad credentials ***');
    expect(echoed.hint).toContain('$GH_TOKEN');
    const network = Array.from({ length: 5 }, () => new Error(`connect ECONNREFUSED (Bearer ${TOKEN})`));
    const refused = await caught(scripted(network).api.request('GET', '/user'));
    for (const error of [echoed, refused]) {
      expect(JSON.stringify(error.toJSON())).not.toContain(TOKEN);
      expect(error.format()).not.toContain(TOKEN);
      expect(String(error.cause ?? '')).not.toContain(TOKEN);
    }
  });

  it('refuses a 2xx that is not JSON (a web page, not the REST API) and a redirect, pointing at the API URL', async () => {
    const html: HttpResponse = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html>Sign in</html>' };
    const page = await caught(scripted([html]).api.request('POST', '/repos/acme/web/actions/workflows/deploy.yml/dispatches', {}));
    expect(page.message).toBe('GitHub API POST /repos/acme/web/actions/workflows/deploy.yml/dispatches answered 200 with text/html, not JSON: <html>Sign in</html>');
    expect(page.hint).toContain('https://ghe.example/api/v3 is the GitHub REST API');
    const moved = await caught(scripted([{ status: 301, headers: { location: 'https://ghe.example/login' }, body: '' }]).api.request('GET', '/repos/acme/web'));
    expect(moved.message).toContain('answered 301');
    expect(moved.hint).toContain('https://HOST/api/v3 for GitHub Enterprise');
    // the dispatch endpoint's empty 204 is still a success
    expect((await scripted([{ status: 204, headers: {}, body: '' }]).api.request('POST', '/x', {})).status).toBe(204);
  });

  it('returns non-retryable 4xx answers from send so callers can inspect them', async () => {
    const { api } = scripted([ok({ message: 'Validation Failed', errors: [{ code: 'already_exists' }] }, 422)]);
    const response = await api.send('POST', '/repos/acme/web/releases', {});
    expect(response.status).toBe(422);
  });
});

describe('rateLimitWaitMs', () => {
  it('treats a plain 403 permission error as no rate limit', () => {
    expect(rateLimitWaitMs({ status: 403, headers: {}, body: '{"message":"Resource not accessible by integration"}' }, 0)).toBeNull();
  });
});

describe('readGithubToken', () => {
  it('names the missing variable and the config field, never a value', () => {
    let error: unknown;
    try {
      readGithubToken({ OTHER: 'x' }, 'DEPLOY_TOKEN', 'deploy.tokenEnv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShipgateError);
    expect((error as ShipgateError).code).toBe('CONFIG_INVALID');
    expect((error as ShipgateError).message).toContain('DEPLOY_TOKEN is not set');
    expect((error as ShipgateError).location.field).toBe('deploy.tokenEnv');
  });
});
