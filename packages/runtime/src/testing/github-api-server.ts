// GitHub itself is unreachable from this machine, so integration tests run against this
// local server (real HTTP on 127.0.0.1) implementing the documented REST endpoints Shipgate
// calls, as strictly as GitHub documents them: a User-Agent, the API version and the token are
// required; a dispatch with inputs the workflow does not declare answers 422; other runs on
// the same sha share the list; runs may appear late; the clock may differ from ours.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeActions, type Answer, type FakeRun, type FakeWorkflow, type ScriptedDispatch } from './github-fake-actions.js';
import { createFakeReleases, type FakeRelease } from './github-fake-releases.js';

export type { FakeRelease, FakeRun, FakeWorkflow, ScriptedDispatch };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface GithubApiServerOptions {
  /** The only token accepted (as `Authorization: Bearer <token>`). */
  token: string;
  /** Refs that exist (tag or branch name → sha), or a lookup; a dispatch on another ref answers 422. */
  refs: Record<string, string> | ((ref: string) => string | undefined);
  /** Workflows that exist; default one `deploy.yml` (id 161335) accepting any input. */
  workflows?: FakeWorkflow[];
  /**
   * What the dispatch endpoint does with `return_run_details: true`: `returned` (github.com
   * since 2026-02-19: 200 with the run's id), `absent` (a server that ignores it: 204), or
   * `rejected` (GHES 3.20 and older: 400 for the unknown key). Default returned.
   */
  runDetails?: 'returned' | 'absent' | 'rejected';
  /** GitHub's clock minus ours, in ms (negative: GitHub is behind). */
  clockOffsetMs?: number;
}

export interface GithubApiServer {
  /** The apiUrl to configure (like https://api.github.com). */
  url: string;
  requests: RecordedRequest[];
  dispatches: { workflow: string; ref: string; inputs: Record<string, string>; returnRunDetails: boolean }[];
  runs: FakeRun[];
  /** Ids of the runs a cancel or force-cancel was requested for, in order. */
  cancels: number[];
  releases: FakeRelease[];
  /** The tag of the release GitHub shows as Latest, or null. */
  latestReleaseTag(): string | null;
  /** Ends a run from outside, as if it finished on GitHub. */
  settleRun(id: number, conclusion: string): void;
  /** How the next dispatches behave, in order; unscripted dispatches get a run that succeeds. */
  scriptDispatch(...scripts: ScriptedDispatch[]): void;
  /** The next `count` requests answer `status` (5xx) before reaching the endpoint. */
  failNext(count: number, status?: number): void;
  /** The next request is rate limited, GitHub's way: retry-after, or remaining 0 + reset. */
  rateLimitNext(limit: { retryAfterSeconds: number } | { resetInSeconds: number }): void;
  /**
   * From now on, `method` requests whose path matches answer 403 "Resource not accessible by
   * integration", GitHub's answer to a token without that permission (e.g. contents: read only).
   */
  forbid(method: string, path: RegExp): void;
  close(): Promise<void>;
}

const WEB = 'https://github.example';
const API_VERSIONS = ['2022-11-28'];

export async function startGithubApiServer(options: GithubApiServerOptions): Promise<GithubApiServer> {
  const refs = options.refs;
  const resolveRef = typeof refs === 'function' ? refs : (ref: string) => refs[ref];
  const now = () => new Date(Date.now() + (options.clockOffsetMs ?? 0));
  const actions = createFakeActions({ workflows: options.workflows ?? [{ id: 161335, file: 'deploy.yml' }], resolveRef, now, web: WEB });
  const releases = createFakeReleases(WEB);
  const requests: RecordedRequest[] = [];
  const interruptions: ((response: ServerResponse) => void)[] = [];
  const forbidden: { method: string; path: RegExp }[] = [];

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { date: now().toUTCString(), ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };

  function route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): Answer {
    const [repos, owner = '', repo = '', area, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (repos !== 'repos') return [404, { message: 'Not Found' }];
    const [kind, key = '', action, extra] = rest;
    if (area === 'actions' && kind === 'workflows') {
      if (method === 'GET' && rest.length === 2) return actions.getWorkflow(owner, repo, key);
      if (method === 'POST' && action === 'dispatches' && rest.length === 3) return actions.dispatch(owner, repo, key, body, options.runDetails ?? 'returned');
      if (method === 'GET' && action === 'runs' && rest.length === 3) return actions.listRuns(key, query);
    }
    if (area === 'actions' && kind === 'runs') {
      if (method === 'GET' && rest.length === 2) return actions.getRun(Number(key));
      if (method === 'POST' && (action === 'cancel' || action === 'force-cancel') && extra === undefined) return actions.cancel(Number(key), action === 'force-cancel');
    }
    if (area === 'releases') {
      if (method === 'POST' && rest.length === 0) return releases.create(owner, repo, body);
      if (method === 'GET' && kind === 'tags' && rest.length === 2) return releases.byTag(key);
      if (method === 'GET' && kind === 'latest' && rest.length === 1) return releases.latest();
      if (method === 'GET' && rest.length === 1) return releases.byId(Number(kind));
      if (method === 'PATCH' && rest.length === 1) return releases.update(owner, repo, Number(kind), body);
    }
    return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
  }

  /** GitHub's documented refusals of a request before it reaches an endpoint, or null. */
  function refusal(headers: IncomingHttpHeaders): Answer | null {
    if (!headers['user-agent']) {
      return [403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).' }];
    }
    const version = headers['x-github-api-version'];
    if (version !== undefined && !API_VERSIONS.includes(String(version))) return [400, { message: `API version ${String(version)} is not supported.` }];
    if (version === undefined) return [400, { message: 'Shipgate stand-in: send X-GitHub-Api-Version (GitHub recommends pinning it)' }];
    const accept = String(headers.accept ?? '');
    if (!/application\/(vnd\.github(\+json|\.v3\+json)?|json)/.test(accept)) return [415, { message: `Unsupported 'Accept' header: '${accept}'` }];
    if (headers.authorization !== `Bearer ${options.token}`) return [401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }];
    return null;
  }

  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      requests.push({ method, path: url.pathname, query: url.searchParams, headers: request.headers, body: text });
      const interrupt = interruptions.shift();
      if (interrupt) return interrupt(response);
      const refused = refusal(request.headers);
      if (refused) return send(response, ...refused);
      if (forbidden.some((f) => f.method === method && f.path.test(url.pathname))) {
        return send(response, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
      }
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return send(response, 400, { message: 'Problems parsing JSON' });
      }
      send(response, ...route(method, url.pathname, url.searchParams, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dispatches: actions.dispatches,
    runs: actions.runs,
    cancels: actions.cancels,
    releases: releases.releases,
    latestReleaseTag: releases.latestTag,
    settleRun: actions.settle,
    scriptDispatch: (...next) => void actions.scripts.push(...next),
    failNext: (count, status = 502) => {
      for (let i = 0; i < count; i += 1) interruptions.push((response) => send(response, status, { message: 'Server Error', request_id: randomUUID() }));
    },
    rateLimitNext: (limit) => void interruptions.push((response) => send(response, ...rateLimited(limit))),
    forbid: (method, path) => void forbidden.push({ method, path }),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** GitHub's two documented shapes: 429 + retry-after (secondary), 403 + remaining 0 + reset (primary). */
function rateLimited(limit: { retryAfterSeconds: number } | { resetInSeconds: number }): [number, unknown, Record<string, string>] {
  const message = { message: 'API rate limit exceeded' };
  if ('retryAfterSeconds' in limit) return [429, message, { 'retry-after': String(limit.retryAfterSeconds) }];
  const reset = String(Math.ceil(Date.now() / 1000) + limit.resetInSeconds);
  return [403, message, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }];
}
