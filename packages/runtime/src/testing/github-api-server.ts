// GitHub itself is unreachable from this machine, so integration tests run against this
// local server implementing exactly the documented REST endpoints Shipgate calls:
// workflow dispatch, list workflow runs, get a run, create a release, get a release by tag.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRun {
  id: number;
  name: string;
  display_title: string;
  head_sha: string;
  head_branch: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  created_at: string;
  html_url: string;
  event: string;
  workflow: string;
}

export interface ScriptedDispatch {
  /** false: the dispatch is accepted (204) but no run ever appears. */
  appears?: boolean;
  /** The conclusion once completed; default success. */
  conclusion?: string;
  /** GETs of the run before each status change (queued → in_progress → completed); default 1. */
  pollsPerStatus?: number;
  /** The run's title from the dispatch inputs (a workflow's `run-name`); default the workflow name. */
  title?: (inputs: Record<string, string>) => string;
  /** Other runs created at the same moment (another sha, another dispatch), listed first, already completed. */
  alongside?: Partial<FakeRun>[];
}

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
  /** Refs that exist (tag or branch name → sha); a dispatch on another ref answers 422. */
  refs: Record<string, string>;
  /** Workflow file names that exist; default deploy.yml. */
  workflows?: string[];
}

export interface GithubApiServer {
  /** The apiUrl to configure (like https://api.github.com). */
  url: string;
  requests: RecordedRequest[];
  dispatches: { workflow: string; ref: string; inputs: Record<string, string> }[];
  runs: FakeRun[];
  /** How the next dispatches behave, in order; unscripted dispatches get a run that succeeds. */
  scriptDispatch(...scripts: ScriptedDispatch[]): void;
  /** The next `count` requests answer `status` (5xx) before reaching the endpoint. */
  failNext(count: number, status?: number): void;
  /** The next request is rate limited, GitHub's way: retry-after, or remaining 0 + reset. */
  rateLimitNext(limit: { retryAfterSeconds: number } | { resetInSeconds: number }): void;
  close(): Promise<void>;
}

interface Release {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
}

const WEB = 'https://github.example';

export async function startGithubApiServer(options: GithubApiServerOptions): Promise<GithubApiServer> {
  const workflows = options.workflows ?? ['deploy.yml'];
  const requests: RecordedRequest[] = [];
  const dispatches: GithubApiServer['dispatches'] = [];
  const runs: FakeRun[] = [];
  const releases: Release[] = [];
  const scripts: ScriptedDispatch[] = [];
  const progress = new Map<number, { polls: number; pollsPerStatus: number; conclusion: string }>();
  const interruptions: ((response: ServerResponse) => void)[] = [];
  let nextId = 1000;

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const notFound = (response: ServerResponse) => send(response, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

  function createRun(owner: string, repo: string, workflow: string, ref: string, fields: Partial<FakeRun>): FakeRun {
    const id = nextId++;
    const run: FakeRun = {
      id,
      name: 'Deploy',
      display_title: 'Deploy',
      head_sha: options.refs[ref] ?? '0'.repeat(40),
      head_branch: ref,
      status: 'queued',
      conclusion: null,
      created_at: `${new Date().toISOString().slice(0, 19)}Z`,
      html_url: `${WEB}/${owner}/${repo}/actions/runs/${id}`,
      event: 'workflow_dispatch',
      workflow,
      ...fields,
    };
    runs.push(run);
    return run;
  }

  function dispatch(owner: string, repo: string, workflow: string, body: string, response: ServerResponse) {
    const { ref, inputs = {} } = JSON.parse(body || '{}') as { ref?: string; inputs?: Record<string, string> };
    if (!ref || options.refs[ref] === undefined) return send(response, 422, { message: `No ref found for: ${ref ?? ''}` });
    dispatches.push({ workflow, ref, inputs });
    const script = scripts.shift() ?? {};
    for (const other of script.alongside ?? []) createRun(owner, repo, workflow, ref, { status: 'completed', conclusion: 'success', ...other });
    if (script.appears !== false) {
      const run = createRun(owner, repo, workflow, ref, { display_title: script.title?.(inputs) ?? 'Deploy' });
      progress.set(run.id, { polls: 0, pollsPerStatus: script.pollsPerStatus ?? 1, conclusion: script.conclusion ?? 'success' });
    }
    send(response, 204);
  }

  function listRuns(workflow: string, query: URLSearchParams, response: ServerResponse) {
    const created = /^>=(.+)$/.exec(query.get('created') ?? '')?.[1];
    const matching = runs
      .filter((run) => run.workflow === workflow)
      .filter((run) => !query.get('event') || run.event === query.get('event'))
      .filter((run) => !query.get('head_sha') || run.head_sha === query.get('head_sha'))
      .filter((run) => !query.get('branch') || run.head_branch === query.get('branch'))
      .filter((run) => !created || Date.parse(run.created_at) >= Date.parse(created))
      .reverse(); // newest first, like GitHub
    send(response, 200, { total_count: matching.length, workflow_runs: matching.map(publicRun) });
  }

  function getRun(id: number, response: ServerResponse) {
    const run = runs.find((r) => r.id === id);
    if (!run) return notFound(response);
    const state = progress.get(id);
    if (state && run.status !== 'completed' && ++state.polls >= state.pollsPerStatus) {
      state.polls = 0;
      run.status = run.status === 'queued' ? 'in_progress' : 'completed';
      if (run.status === 'completed') run.conclusion = state.conclusion;
    }
    send(response, 200, publicRun(run));
  }

  function createRelease(owner: string, repo: string, body: string, response: ServerResponse) {
    const input = JSON.parse(body || '{}') as Partial<Release>;
    if (!input.tag_name) return send(response, 422, { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }] });
    if (releases.some((r) => r.tag_name === input.tag_name)) {
      return send(response, 422, { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
    }
    const { tag_name, name = tag_name, body: notes = '', draft = false, prerelease = false } = input;
    const release: Release = { id: nextId++, tag_name, name, body: notes, draft, prerelease, html_url: `${WEB}/${owner}/${repo}/releases/tag/${tag_name}` };
    releases.push(release);
    send(response, 201, release);
  }

  function route(method: string, path: string, query: URLSearchParams, body: string, response: ServerResponse) {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [repos, owner = '', repo = '', area, ...rest] = parts;
    if (repos !== 'repos') return notFound(response);
    if (area === 'actions' && rest[0] === 'workflows' && rest[1] && workflows.includes(rest[1])) {
      if (method === 'POST' && rest[2] === 'dispatches' && rest.length === 3) return dispatch(owner, repo, rest[1], body, response);
      if (method === 'GET' && rest[2] === 'runs' && rest.length === 3) return listRuns(rest[1], query, response);
    }
    if (area === 'actions' && method === 'GET' && rest[0] === 'runs' && rest.length === 2) return getRun(Number(rest[1]), response);
    if (area === 'releases' && method === 'POST' && rest.length === 0) return createRelease(owner, repo, body, response);
    if (area === 'releases' && method === 'GET' && rest[0] === 'tags' && rest.length === 2) {
      const release = releases.find((r) => r.tag_name === rest[1]);
      return release ? send(response, 200, release) : notFound(response);
    }
    notFound(response);
  }

  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      requests.push({ method, path: url.pathname, query: url.searchParams, headers: request.headers, body });
      const interrupt = interruptions.shift();
      if (interrupt) return interrupt(response);
      if (request.headers.authorization !== `Bearer ${options.token}`) {
        return send(response, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      }
      route(method, url.pathname, url.searchParams, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dispatches,
    runs,
    scriptDispatch: (...next) => void scripts.push(...next),
    failNext: (count, status = 502) => {
      for (let i = 0; i < count; i += 1) interruptions.push((response) => send(response, status, { message: 'Server Error', request_id: randomUUID() }));
    },
    rateLimitNext: (limit) => void interruptions.push((response) => send(response, ...rateLimited(limit))),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The run as GitHub returns it (without the server's own bookkeeping). */
function publicRun({ workflow: _workflow, ...run }: FakeRun): Omit<FakeRun, 'workflow'> {
  return run;
}

/** GitHub's two documented shapes: 429 + retry-after (secondary), 403 + remaining 0 + reset (primary). */
function rateLimited(limit: { retryAfterSeconds: number } | { resetInSeconds: number }): [number, unknown, Record<string, string>] {
  const message = { message: 'API rate limit exceeded' };
  if ('retryAfterSeconds' in limit) return [429, message, { 'retry-after': String(limit.retryAfterSeconds) }];
  const reset = String(Math.ceil(Date.now() / 1000) + limit.resetInSeconds);
  return [403, message, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }];
}
