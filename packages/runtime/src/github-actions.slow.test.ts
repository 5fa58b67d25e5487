// The github-actions provider, its plan-time gates and the GitHub Release against a real HTTP
// server on 127.0.0.1 that speaks GitHub's documented REST API strictly (GitHub itself is
// unreachable from here): testing/github-api-server.ts. Each test asserts what reached it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Core's source, not its build: these tests run without a prior `tsc -b`.
import type { GithubActionsDeployConfig } from '../../core/src/config/config-types.js';
import type { CoreContext } from '../../core/src/context.js';
import type { DeployInput, StartedDeployment } from '../../core/src/deploy/deploy-provider.js';
import { githubActionsPreflight } from '../../core/src/deploy/github-actions-preflight.js';
import { createGithubActionsProvider } from '../../core/src/deploy/github-actions-provider.js';
import { createGithubRelease, markGithubReleaseRolledBack } from '../../core/src/deploy/github-release.js';
import { ShipgateError } from '../../core/src/errors.js';
import { createNodeContext } from './index.js';
import { startGithubApiServer, type GithubApiServer, type GithubApiServerOptions } from './testing/github-api-server.js';

const TOKEN = 'ghs_localTestToken42';
const SHA = '1'.repeat(40);
const OTHER_SHA = '2'.repeat(40);
const PREVIOUS_SHA = '3'.repeat(40);
const DECLARED = { environment: { required: true }, version: {}, shipgate_id: {} };

let github: GithubApiServer;
let ctx: CoreContext;
let logged: string[];

async function startGithub(options: Partial<GithubApiServerOptions> = {}): Promise<void> {
  github = await startGithubApiServer({
    token: TOKEN,
    refs: { 'v1.2.0': SHA, 'v1.1.0': PREVIOUS_SHA, main: OTHER_SHA },
    workflows: [{ id: 161335, file: 'deploy.yml', inputs: DECLARED, runName: (inputs) => `Deploy ${inputs['version'] ?? ''} ${inputs['shipgate_id'] ?? ''}`.trim() }],
    ...options,
  });
}

beforeEach(() => {
  ctx = createNodeContext({ emit: () => {}, env: { ...process.env, GH_TOKEN: TOKEN } });
  logged = [];
});
afterEach(async () => {
  await github?.close();
});

function actions(overrides: Partial<GithubActionsDeployConfig> = {}): GithubActionsDeployConfig {
  return {
    provider: 'github-actions',
    repository: 'acme/web',
    workflow: 'deploy.yml',
    inputs: { environment: 'production', version: '{{version}}' },
    rollbackInputs: {},
    tokenEnv: 'GH_TOKEN',
    apiUrl: github.url,
    timeoutSeconds: 30,
    pollSeconds: 0.1,
    ...overrides,
  };
}

function input(config: GithubActionsDeployConfig, extra: Partial<DeployInput> = {}): DeployInput {
  return {
    repoDir: tmpdir(),
    remote: 'origin',
    config,
    ctx,
    release: { version: '1.2.0', tag: 'v1.2.0', commit: SHA },
    previous: { version: '1.1.0', tag: 'v1.1.0', commit: PREVIOUS_SHA },
    log: (line) => logged.push(line),
    ...extra,
  };
}

async function caught(promise: Promise<unknown>): Promise<ShipgateError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShipgateError);
  return error as ShipgateError;
}

const paths = () => github.requests.map((r) => `${r.method} ${r.path}`);

describe('1. following only its own run', () => {
  it('follows the run GitHub names for its dispatch: its own failure fails, though a teammate’s run on the same commit a second earlier succeeded', async () => {
    await startGithub();
    github.scriptDispatch({ conclusion: 'failure', alongside: [{ secondsBefore: 1, head_sha: SHA, display_title: 'Deploy 1.2.0', conclusion: 'success' }] });
    const error = await caught(createGithubActionsProvider().deploy(input(actions())));
    const own = github.runs.find((run) => run.conclusion === 'failure')!;
    expect(error.message).toBe(`run #${own.run_number} (id ${own.id}) concluded failure: ${own.html_url}`);
    expect(JSON.parse(github.requests[0]!.body)).toMatchObject({ ref: 'v1.2.0', return_run_details: true });
    expect(paths().filter((p) => p.endsWith('/runs'))).toEqual([]); // never searched the list
    expect(paths().filter((p) => p.startsWith('GET'))).toEqual(Array(paths().length - 1).fill(`GET /repos/acme/web/actions/runs/${own.id}`));
  });

  it('and the other way round: its own success succeeds though the teammate’s run failed', async () => {
    await startGithub();
    github.scriptDispatch({ alongside: [{ secondsBefore: 1, head_sha: SHA, conclusion: 'failure' }] });
    const result = await createGithubActionsProvider().deploy(input(actions()));
    const own = github.runs.find((run) => run.conclusion === 'success')!;
    expect(result).toEqual({ detail: `run #${own.run_number} (id ${own.id}) succeeded`, deploymentId: String(own.id), deploymentUrl: own.html_url });
  });

  it('on a GitHub Enterprise that refuses return_run_details (400), dispatches once without it and finds its run by the correlation input in the run-name, even when it appears late', async () => {
    await startGithub({ runDetails: 'rejected' });
    github.scriptDispatch({ hiddenForLists: 2, alongside: [{ head_sha: SHA, display_title: 'Deploy 1.2.0 someone-else', conclusion: 'failure' }] });
    const result = await createGithubActionsProvider().deploy(input(actions({ correlationInput: 'shipgate_id' })));
    const dispatchPosts = github.requests.filter((r) => r.path.endsWith('/dispatches'));
    expect(dispatchPosts.map((r) => 'return_run_details' in JSON.parse(r.body))).toEqual([true, false]);
    expect(github.dispatches).toHaveLength(1);
    const id = github.dispatches[0]!.inputs['shipgate_id']!;
    const own = github.runs.find((run) => run.display_title.endsWith(id))!;
    expect(result.deploymentId).toBe(String(own.id));
    expect(paths().filter((p) => p.endsWith('/runs')).length).toBeGreaterThanOrEqual(3); // hidden twice, then seen
    expect(logged.join('\n')).toContain('does not know return_run_details');
  });
});

describe('2. only the configured inputs', () => {
  it('sends exactly deploy.inputs (templated) and nothing the workflow does not declare', async () => {
    await startGithub({ workflows: [{ id: 1, file: 'deploy.yml', inputs: { environment: { required: true } } }] });
    await createGithubActionsProvider().deploy(input(actions({ inputs: { environment: 'production' } })));
    expect(github.dispatches).toEqual([{ workflow: 'deploy.yml', ref: 'v1.2.0', inputs: { environment: 'production' }, returnRunDetails: true }]);
  });

  it('turns GitHub’s 422 for an undeclared input into a fix naming deploy.inputs', async () => {
    await startGithub({ workflows: [{ id: 1, file: 'deploy.yml', inputs: { environment: {} } }] });
    const error = await caught(createGithubActionsProvider().deploy(input(actions({ inputs: { environment: 'production', version: '{{version}}', tag: '{{tag}}' } }))));
    expect(error.message).toContain('answered 422: Unexpected inputs provided: ["version","tag"]');
    expect(error.location.field).toBe('deploy.inputs');
    expect(github.dispatches).toHaveLength(0);
  });
});

describe('3. plan-time gates of the github-actions provider', () => {
  let repo: string;
  const gitIn = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
  function checkout(workflow: string | null): string {
    repo = mkdtempSync(join(tmpdir(), 'shipgate-workflow-'));
    gitIn('init', '-q', '-b', 'main');
    if (workflow !== null) {
      mkdirSync(join(repo, '.github/workflows'), { recursive: true });
      writeFileSync(join(repo, '.github/workflows/deploy.yml'), workflow);
    }
    writeFileSync(join(repo, 'README.md'), 'app\n');
    gitIn('add', '-A');
    gitIn('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'init');
    return repo;
  }
  afterEach(() => rmSync(repo, { recursive: true, force: true }));
  const preflight = (config: GithubActionsDeployConfig, env: Record<string, string | undefined> = { GH_TOKEN: TOKEN }) =>
    githubActionsPreflight({ repoDir: repo, remote: 'origin', mainBranch: 'main', config, ctx: { ...ctx, env } });

  const WORKFLOW = `name: Deploy
run-name: Deploy \${{ inputs.version }} \${{ inputs.shipgate_id }}
on:
  workflow_dispatch:
    inputs:
      environment: { required: true, type: string }
      version: { type: string }
      dry_run: { type: boolean, default: false }
      shipgate_id: { type: string }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps: [{ run: echo deploy }]
`;

  it('passes and lists the declared inputs, what is sent and what is left to its default', async () => {
    await startGithub();
    checkout(WORKFLOW);
    const gates = await preflight(actions({ correlationInput: 'shipgate_id' }));
    expect(gates.map((g) => [g.id, g.status])).toEqual([['deploy-provider', 'pass'], ['deploy-workflow', 'pass']]);
    expect(gates[1]!.detail).toBe('.github/workflows/deploy.yml declares environment, version, dry_run, shipgate_id; sends environment, version, shipgate_id; not sent (its default applies): dry_run');
    expect(paths()).toEqual(['GET /repos/acme/web/actions/workflows/deploy.yml']);
  });

  it('names an unset token variable without asking GitHub anything', async () => {
    await startGithub();
    checkout(WORKFLOW);
    const [access] = await preflight(actions(), {});
    expect(access).toMatchObject({ status: 'fail', detail: expect.stringContaining('environment variable GH_TOKEN is not set: export GH_TOKEN=') });
    expect(github.requests).toHaveLength(0);
  });

  it('names a rejected token (401) and an unknown workflow (404)', async () => {
    await startGithub();
    checkout(WORKFLOW);
    const [rejected] = await preflight(actions(), { GH_TOKEN: 'expired' });
    expect(rejected!.detail).toBe('GitHub rejected the token in $GH_TOKEN (401 Bad credentials): put a valid token in GH_TOKEN');
    const [unknown] = await preflight(actions({ workflow: 'deploy-prod.yml' }));
    expect(unknown!.detail).toContain('GitHub has no workflow deploy-prod.yml in acme/web (404)');
    expect(paths()).toEqual(['GET /repos/acme/web/actions/workflows/deploy.yml', 'GET /repos/acme/web/actions/workflows/deploy-prod.yml']);
  });

  it('fails a workflow file without workflow_dispatch, and inputs it does not declare or requires', async () => {
    await startGithub();
    checkout('on:\n  push:\n    branches: [main]\njobs: {}\n');
    const [, noTrigger] = await preflight(actions());
    expect(noTrigger).toMatchObject({ status: 'fail', detail: expect.stringContaining('has no workflow_dispatch trigger, so GitHub refuses to dispatch it (422)') });
    checkout(WORKFLOW);
    const [, undeclared] = await preflight(actions({ inputs: { environment: 'production', tag: '{{tag}}' } }));
    expect(undeclared!.detail).toContain('sends tag which it does not declare (GitHub answers 422 Unexpected inputs)');
    const [, missing] = await preflight(actions({ inputs: { version: '{{version}}' } }));
    expect(missing!.detail).toContain("requires environment without a default, and deploy.inputs does not give it: add to deploy.inputs, e.g. { environment: '{{version}}' }");
  });
});

describe('4. a cancel stops the GitHub run', () => {
  it('cancels the run on GitHub and waits until GitHub reports it stopped before returning', async () => {
    await startGithub();
    github.scriptDispatch({ pollsPerStatus: Number.POSITIVE_INFINITY, pollsToCancel: 3 });
    const controller = new AbortController();
    const deploy = input(actions(), { signal: controller.signal, log: (line) => (logged.push(line), line.includes('queued') && controller.abort()) });
    const error = await caught(createGithubActionsProvider().deploy(deploy));
    const own = github.runs[0]!;
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe(`cancelled; run #${own.run_number} (id ${own.id}) was cancelled on GitHub: ${own.html_url}`);
    expect(github.cancels).toEqual([own.id]);
    expect(own).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    const cancelAt = paths().indexOf(`POST /repos/acme/web/actions/runs/${own.id}/cancel`);
    expect(paths().slice(cancelAt + 1)).toEqual(Array(3).fill(`GET /repos/acme/web/actions/runs/${own.id}`)); // waited for it to stop
  });
});

describe('5. a timeout is hedged and the next attempt follows the same run', () => {
  it('says the run is still running with its link, and a re-run follows it instead of dispatching again', async () => {
    await startGithub();
    github.scriptDispatch({ pollsPerStatus: Number.POSITIVE_INFINITY });
    const states: StartedDeployment[] = [];
    const first = await caught(createGithubActionsProvider().deploy(input(actions({ timeoutSeconds: 1 }), { onStarted: async (s) => void states.push(s) })));
    const own = github.runs[0]!;
    expect(first.message).toContain(`run #${own.run_number} (id ${own.id}) was still queued after 1 s: ${own.html_url}`);
    expect(first.message).toContain('did not cancel it, so it may still change production');
    expect(states.at(-1)).toMatchObject({ id: String(own.id), url: own.html_url, status: 'queued', tag: 'v1.2.0' });
    github.settleRun(own.id, 'success');
    const again = await createGithubActionsProvider().deploy(input(actions(), { started: states.at(-1)! }));
    expect(again.deploymentId).toBe(String(own.id));
    expect(github.dispatches).toHaveLength(1);
    expect(github.cancels).toEqual([]);
  });
});

describe('6. the GitHub Release after a rollback', () => {
  it('is marked rolled back — prerelease, retitled, not Latest — and the restored release is Latest again', async () => {
    await startGithub();
    const config = { repository: 'acme/web', tokenEnv: 'GH_TOKEN', apiUrl: github.url, draft: false, prerelease: false };
    await createGithubRelease({ ctx, config, tag: 'v1.1.0', body: '### Fixed\n- a\n' });
    const release = await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '### Added\n- Dark mode\n' });
    expect(github.latestReleaseTag()).toBe('v1.2.0');
    await markGithubReleaseRolledBack({ ctx, config, id: release.id, tag: 'v1.2.0', restoredTag: 'v1.1.0', note: 'health checks failed' });
    expect(github.releases.find((r) => r.tag_name === 'v1.2.0')).toMatchObject({ name: 'v1.2.0 (rolled back)', prerelease: true, body: '> **Rolled back.** health checks failed\n\n### Added\n- Dark mode\n' });
    expect(github.latestReleaseTag()).toBe('v1.1.0');
    const patches = github.requests.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(patches.map((p) => p['make_latest'])).toEqual(['false', 'true']);
  });
});

describe('7. GitHub’s clock, run numbers, strict headers', () => {
  it('finds its run when GitHub’s clock is two minutes behind ours and the server returns no run details', async () => {
    await startGithub({ clockOffsetMs: -120_000, runDetails: 'absent' });
    const result = await createGithubActionsProvider().deploy(input(actions()));
    expect(result.deploymentId).toBe(String(github.runs[0]!.id));
    const listed = github.requests.find((r) => r.path.endsWith('/runs'))!;
    expect(Date.parse(listed.query.get('created')!.slice(2))).toBeLessThan(Date.now() - 120_000);
  });

  it('prints GitHub’s run number as #N and the id apart', async () => {
    await startGithub();
    await createGithubActionsProvider().deploy(input(actions()));
    const own = github.runs[0]!;
    expect(own.run_number).not.toBe(own.id);
    expect(logged).toContain(`run #${own.run_number} (id ${own.id}) succeeded`);
    expect(logged.join('\n')).not.toContain(`#${own.id}`);
  });

  it('sends the User-Agent, Accept, API version and token GitHub requires on every request, and never logs the token', async () => {
    await startGithub();
    github.failNext(1, 502);
    github.rateLimitNext({ retryAfterSeconds: 1 });
    await createGithubActionsProvider().deploy(input(actions()));
    expect(github.dispatches).toHaveLength(1);
    for (const request of github.requests) {
      expect(request.headers).toMatchObject({ 'user-agent': 'shipgate', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', authorization: `Bearer ${TOKEN}` });
    }
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
  });

  it('fails at the dispatch, naming the API URL, when apiUrl answers HTML instead of the REST API', async () => {
    await startGithub();
    const web = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Sign in to GitHub</body></html>');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    try {
      const error = await caught(createGithubActionsProvider().deploy(input(actions({ apiUrl: webUrl }))));
      expect(error.message).toContain('answered 200 with text/html, not JSON');
      expect(error.hint).toContain(`${webUrl} is the GitHub REST API`);
    } finally {
      await new Promise((resolve) => web.close(resolve));
    }
  });
});
