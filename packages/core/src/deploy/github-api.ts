// A small GitHub REST client over ctx.http: the four endpoints Shipgate uses do not
// justify Octokit's weight, and every wait must go through ctx.clock so tests stay instant.
import type { CoreContext, HttpResponse } from '../context.js';
import { ShipgateError, type ErrorCode } from '../errors.js';
import { abortedError, isAbortError, sleepOrCancel } from './abort.js';

export interface GithubApiOptions {
  ctx: CoreContext;
  /** https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise. */
  apiUrl: string;
  token: string;
  /** Name of the variable the token came from, for hints (never the token). */
  tokenEnv: string;
  signal?: AbortSignal;
  /** Code of the errors thrown (DEPLOY_FAILED by default). */
  errorCode?: ErrorCode;
  /** Attempts per request when GitHub answers 5xx or cannot be reached (default 5). */
  maxAttempts?: number;
  /** Longest single wait for a rate limit or backoff (default 60 s); longer → fail now. */
  maxWaitMs?: number;
  requestTimeoutMs?: number;
}

export interface GithubResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

export interface GithubApi {
  /** Sends the request (retrying 5xx, network errors and rate limits) and returns any final answer. */
  send<T = unknown>(method: string, path: string, body?: unknown): Promise<GithubResponse<T>>;
  /** Like send, but a non-2xx answer throws a ShipgateError saying what GitHub answered. */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<GithubResponse<T>>;
  /** The answer when it is a 2xx JSON answer; otherwise the error request() would throw. */
  accept<T>(method: string, path: string, response: GithubResponse<T>): GithubResponse<T>;
  /** The error for a non-2xx answer: what GitHub said, with a hint about the token. */
  errorFor(method: string, path: string, response: GithubResponse<unknown>): ShipgateError;
}

const FIRST_BACKOFF_MS = 1_000;

export function createGithubApi(options: GithubApiOptions): GithubApi {
  const { ctx, token, tokenEnv, signal } = options;
  const base = options.apiUrl.replace(/\/+$/, '');
  const code = options.errorCode ?? 'DEPLOY_FAILED';
  const maxAttempts = options.maxAttempts ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const scrub = (text: string) => (token ? text.split(token).join('***') : text);
  const fail = (message: string, hint?: string, cause?: unknown) =>
    new ShipgateError(code, scrub(message), { ...(hint ? { hint: scrub(hint) } : {}), ...(cause ? { cause: scrub(String(cause)) } : {}) });

  async function wait(ms: number, what: string): Promise<void> {
    if (ms > maxWaitMs) {
      throw fail(`${what}; GitHub asks to wait ${Math.ceil(ms / 1000)} s, more than the ${Math.round(maxWaitMs / 1000)} s allowed`, 'retry later, or use a token with a higher rate limit');
    }
    await sleepOrCancel(ctx.clock, ms, signal, 'GitHub API call');
  }

  async function send<T>(method: string, path: string, body?: unknown): Promise<GithubResponse<T>> {
    const what = `GitHub API ${method} ${path}`;
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw abortedError('GitHub API call');
      let response: HttpResponse;
      try {
        response = await ctx.http(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'shipgate',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          timeoutMs: options.requestTimeoutMs ?? 30_000,
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (isAbortError(error) || signal?.aborted) throw abortedError('GitHub API call');
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt >= maxAttempts) throw fail(`${what} failed after ${attempt} attempts: ${reason}`, `check that ${base} is reachable`);
        await wait(backoff(attempt), `${what} failed: ${reason}`);
        continue;
      }
      const rateLimitWait = rateLimitWaitMs(response, ctx.clock.now().getTime());
      if (rateLimitWait !== null) {
        if (attempt >= maxAttempts) throw fail(`${what} is still rate limited after ${attempt} attempts`);
        await wait(rateLimitWait, `${what} is rate limited`);
        continue;
      }
      if (response.status >= 500) {
        if (attempt >= maxAttempts) throw fail(`${what} answered ${response.status} ${messageOf(response.body)} after ${attempt} attempts`, 'GitHub may be having an incident; retry later');
        await wait(backoff(attempt), `${what} answered ${response.status}`);
        continue;
      }
      return { status: response.status, data: parseJson(response.body) as T, headers: response.headers };
    }
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<GithubResponse<T>> {
    return accept(method, path, await send<T>(method, path, body));
  }

  function accept<T>(method: string, path: string, response: GithubResponse<T>): GithubResponse<T> {
    if (response.status >= 200 && response.status < 300) {
      // a 2xx that is not JSON (a web page, a proxy's login form) did not come from the REST API
      if (typeof response.data === 'string') {
        const type = response.headers['content-type']?.split(';')[0]?.trim() || 'no content type';
        throw fail(`GitHub API ${method} ${path} answered ${response.status} with ${type}, not JSON: ${messageOf(response.data)}`, apiUrlHint(base));
      }
      return response;
    }
    throw errorFor(method, path, response);
  }

  function errorFor(method: string, path: string, response: GithubResponse<unknown>): ShipgateError {
    const hint = response.status >= 300 && response.status < 400 ? apiUrlHint(base) : hintFor(response.status, tokenEnv);
    return fail(`GitHub API ${method} ${path} answered ${response.status}: ${messageOf(response.data)}`, hint);
  }

  return { send, request, accept, errorFor };
}

function backoff(attempt: number): number {
  return FIRST_BACKOFF_MS * 2 ** (attempt - 1);
}

/**
 * GitHub's documented rate-limit answers: 403/429 with `retry-after` (seconds), or with
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch seconds). Null: not rate limited.
 */
export function rateLimitWaitMs(response: HttpResponse, nowMs: number): number | null {
  if (response.status !== 403 && response.status !== 429) return null;
  const retryAfter = Number(response.headers['retry-after']);
  if (response.headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  if (response.headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(response.headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? Math.max(1000, reset * 1000 - nowMs + 1000) : 60_000;
  }
  // A secondary rate limit without headers: GitHub asks for at least a minute.
  if (response.status === 429 || /rate limit/i.test(response.body)) return 60_000;
  return null;
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function messageOf(data: unknown): string {
  if (typeof data === 'string') {
    const parsed = parseJson(data);
    if (typeof parsed === 'string') return parsed.slice(0, 200) || '(empty body)';
    return messageOf(parsed);
  }
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message;
  return data === null ? '(empty body)' : JSON.stringify(data).slice(0, 200);
}

function apiUrlHint(base: string): string {
  return `check that ${base} is the GitHub REST API: apiUrl is https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise`;
}

function hintFor(status: number, tokenEnv: string): string | undefined {
  if (status === 401) return `the token in $${tokenEnv} was rejected; set a valid token there`;
  if (status === 403) return `the token in $${tokenEnv} lacks a permission (actions: write to dispatch, contents: write for releases)`;
  if (status === 404) return `check the repository and workflow names, and that the token in $${tokenEnv} can see the repository`;
  return undefined;
}

/** The token from the environment variable named in config; missing → CONFIG_INVALID naming the variable. */
export function readGithubToken(env: Record<string, string | undefined>, tokenEnv: string, field: string): string {
  const token = env[tokenEnv]?.trim();
  if (!token) {
    throw new ShipgateError('CONFIG_INVALID', `environment variable ${tokenEnv} is not set; it must hold a GitHub token`, {
      field,
      hint: `export ${tokenEnv}=<token with actions and contents write access>, or point ${field} at another variable`,
    });
  }
  return token;
}

/** `/repos/owner/name` from "owner/name"; anything else → CONFIG_INVALID on field. */
export function repoPath(repository: string, field: string): string {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository.trim());
  if (!match) throw new ShipgateError('CONFIG_INVALID', `"${repository}" is not an owner/name repository`, { field, hint: 'write it like acme/web' });
  return `/repos/${match[1]}/${match[2]}`;
}
