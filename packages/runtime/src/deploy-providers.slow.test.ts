// The command and github-actions deploy providers against the real world: real `sh`
// processes, and, since GitHub itself is unreachable from here, a local server on
// 127.0.0.1 implementing the documented GitHub REST endpoints (testing/github-api-server.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Core's source, not its build: these tests run without a prior `tsc -b`.
import type { CommandDeployConfig, GithubActionsDeployConfig } from '../../core/src/config/config-types.js';
import type { CoreContext } from '../../core/src/context.js';
import { commandProvider } from '../../core/src/deploy/command-provider.js';
import type { DeployInput } from '../../core/src/deploy/deploy-provider.js';
import { createGithubActionsProvider } from '../../core/src/deploy/github-actions-provider.js';
import { createGithubRelease } from '../../core/src/deploy/github-release.js';
import { waitForVersion } from '../../core/src/deploy/wait-for-version.js';
import { ShipgateError } from '../../core/src/errors.js';
import { createNodeContext } from './index.js';
import { startGithubApiServer, type GithubApiServer } from './testing/github-api-server.js';
import { isProcessAlive } from './testing/process-liveness.js';

const TOKEN = 'ghs_localTestToken42';
const SHA = '1'.repeat(40);
const OTHER_SHA = '2'.repeat(40);
const PREVIOUS_SHA = '3'.repeat(40);

let dir: string;
let ctx: CoreContext;
let logged: { line: string; stream: string | undefined }[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-deploy-'));
  ctx = createNodeContext({ emit: () => {}, env: { ...process.env, GH_TOKEN: TOKEN } });
  logged = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function input(config: DeployInput['config']): DeployInput {
  return {
    repoDir: dir,
    remote: 'origin',
    config,
    ctx,
    release: { version: '1.2.0', tag: 'v1.2.0', commit: SHA },
    previous: { version: '1.1.0', tag: 'v1.1.0', commit: PREVIOUS_SHA },
    log: (line, stream) => logged.push({ line, stream }),
  };
}

async function caught(promise: Promise<unknown>): Promise<ShipgateError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShipgateError);
  return error as ShipgateError;
}

describe('command provider with real processes', () => {
  const command = (overrides: Partial<CommandDeployConfig>): CommandDeployConfig => ({ provider: 'command', command: 'true', timeoutSeconds: 30, ...overrides });

  it('fails a command that exits 3 with its exit code and output, after streaming each line', async () => {
    const error = await caught(commandProvider.deploy(input(command({ command: 'echo deploying $SHIPGATE_VERSION; echo to $SHIPGATE_TAG >&2; exit 3' }))));
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toContain('exited with code 3');
    expect(error.message).toContain('deploying 1.2.0\nto v1.2.0');
    expect(logged).toEqual([
      { line: 'deploying 1.2.0', stream: 'stdout' },
      { line: 'to v1.2.0', stream: 'stderr' },
    ]);
  });

  it('kills a command that outlives its timeout together with the child it started', async () => {
    const pidFile = join(dir, 'child.pid');
    const started = Date.now();
    const error = await caught(commandProvider.deploy(input(command({ command: `sleep 60 & echo $! > ${pidFile}; wait`, timeoutSeconds: 1 }))));
    expect(error.message).toContain('timed out after 1 s and was killed');
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(await readFile(pidFile, 'utf8'));
    await expect.poll(() => isProcessAlive(child), { timeout: 5_000 }).toBe(false);
  });

  it('runs the rollback command with SHIPGATE_ROLLBACK_TO and the restored release', async () => {
    const base = input(command({ rollbackCommand: 'echo "$SHIPGATE_ROLLBACK_TO $SHIPGATE_TAG $SHIPGATE_PREVIOUS_VERSION" > rolled-back.txt' }));
    const result = await commandProvider.rollback({ ...base, to: base.previous! });
    expect(await readFile(join(dir, 'rolled-back.txt'), 'utf8')).toBe('1.1.0 v1.1.0 1.2.0\n');
    expect(result.detail).toBe('rollback command restored v1.1.0');
  });

  it('records the URL printed by the report command', async () => {
    const result = await commandProvider.deploy(input(command({ command: 'echo ok', reportCommand: 'echo "Deployed $SHIPGATE_VERSION to https://acme-$SHIPGATE_VERSION.example.app"' })));
    expect(result.deploymentUrl).toBe('https://acme-1.2.0.example.app');
  });
});

describe('github-actions provider against the local GitHub REST server', () => {
  let github: GithubApiServer;
  const actions = (overrides: Partial<GithubActionsDeployConfig> = {}): GithubActionsDeployConfig => ({
    provider: 'github-actions',
    repository: 'acme/web',
    workflow: 'deploy.yml',
    inputs: { environment: 'production' },
    rollbackInputs: {},
    tokenEnv: 'GH_TOKEN',
    apiUrl: github.url,
    timeoutSeconds: 30,
    pollSeconds: 0.1,
    ...overrides,
  });

  beforeEach(async () => {
    github = await startGithubApiServer({ token: TOKEN, refs: { 'v1.2.0': SHA, 'v1.1.0': PREVIOUS_SHA, main: OTHER_SHA } });
  });
  afterEach(async () => {
    await github.close();
  });

  it('dispatches the workflow on the tag, follows that run to success and links it', async () => {
    github.scriptDispatch({ pollsPerStatus: 2 });
    const result = await createGithubActionsProvider().deploy(input(actions()));
    const run = github.runs[0]!;
    expect(github.dispatches).toEqual([{ workflow: 'deploy.yml', ref: 'v1.2.0', inputs: { version: '1.2.0', tag: 'v1.2.0', environment: 'production' } }]);
    expect(result).toEqual({ detail: `run #${run.id} succeeded`, deploymentId: String(run.id), deploymentUrl: run.html_url });
    expect(logged.map((l) => l.line)).toEqual(expect.arrayContaining([`run #${run.id} queued: ${run.html_url}`, `run #${run.id} in_progress`, `run #${run.id} completed`]));
    for (const request of github.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers['x-github-api-version']).toBe('2022-11-28');
    }
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
  });

  it('picks its own run when a run for another sha appears at the same time', async () => {
    github.scriptDispatch({ alongside: [{ head_sha: OTHER_SHA, conclusion: 'failure' }] });
    const result = await createGithubActionsProvider().deploy(input(actions()));
    const own = github.runs.find((run) => run.head_sha === SHA)!;
    expect(result.deploymentId).toBe(String(own.id));
  });

  it('picks its run by correlation id when another dispatch on the same sha starts at the same time', async () => {
    github.scriptDispatch({ title: (inputs) => `Deploy ${inputs['run_id'] ?? ''}`, alongside: [{ display_title: 'Deploy someone-elses-id', conclusion: 'failure' }] });
    const result = await createGithubActionsProvider().deploy(input(actions({ correlationInput: 'run_id' })));
    const correlationId = github.dispatches[0]?.inputs['run_id'];
    const own = github.runs.find((run) => run.display_title === `Deploy ${correlationId}`)!;
    expect(result.deploymentId).toBe(String(own.id));
  });

  it('fails, never succeeds silently, when the dispatched run never appears', async () => {
    github.scriptDispatch({ appears: false, alongside: [{ head_sha: OTHER_SHA }] });
    const error = await caught(createGithubActionsProvider().deploy(input(actions({ timeoutSeconds: 2 }))));
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toContain('the dispatched run never appeared');
  });

  it('fails on a failed run with its conclusion and link', async () => {
    github.scriptDispatch({ conclusion: 'failure' });
    const error = await caught(createGithubActionsProvider().deploy(input(actions())));
    expect(error.message).toBe(`run #${github.runs[0]!.id} concluded failure: ${github.runs[0]!.html_url}`);
  });

  it('rides out 5xx answers and a rate limit with its reset header', async () => {
    github.failNext(2, 502);
    github.rateLimitNext({ resetInSeconds: 1 });
    const result = await createGithubActionsProvider().deploy(input(actions()));
    expect(result.deploymentId).toBe(String(github.runs[0]!.id));
    expect(github.requests.slice(0, 4).map((r) => r.path)).toEqual(Array(4).fill('/repos/acme/web/actions/workflows/deploy.yml/dispatches'));
    expect(github.dispatches).toHaveLength(1);
  });

  it('rolls back by dispatching the previous tag and following that run', async () => {
    const base = input(actions());
    const result = await createGithubActionsProvider().rollback({ ...base, to: base.previous! });
    expect(github.dispatches[0]).toMatchObject({ ref: 'v1.1.0', inputs: { version: '1.1.0' } });
    expect(github.runs[0]?.head_sha).toBe(PREVIOUS_SHA);
    expect(result.deploymentId).toBe(String(github.runs[0]!.id));
  });

  it('fails at the dispatch, naming the API URL, when apiUrl answers HTML instead of the REST API', async () => {
    // e.g. apiUrl: https://github.acme.example (the web UI) instead of https://github.acme.example/api/v3
    const web = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Sign in to GitHub</body></html>');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const error = await caught(createGithubActionsProvider().deploy(input(actions({ apiUrl: webUrl, timeoutSeconds: 10 }))));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error.code).toBe('DEPLOY_FAILED');
      expect(error.message).toContain('GitHub API POST /repos/acme/web/actions/workflows/deploy.yml/dispatches answered 200 with text/html, not JSON');
      expect(error.message).toContain('Sign in to GitHub');
      expect(error.hint).toContain(`${webUrl} is the GitHub REST API`);
      expect(logged.map((l) => l.line).join('\n')).not.toContain('dispatched');
    } finally {
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it('rejects a wrong token with a hint naming the variable, without echoing the token', async () => {
    ctx = { ...ctx, env: { ...ctx.env, GH_TOKEN: 'wrong-token-value' } };
    const error = await caught(createGithubActionsProvider().deploy(input(actions())));
    expect(error.message).toContain('answered 401: Bad credentials');
    expect(error.hint).toContain('$GH_TOKEN');
    expect(error.format()).not.toContain('wrong-token-value');
  });

  it('creates the GitHub Release once and finds the same one when asked again', async () => {
    const config = { repository: 'acme/web', tokenEnv: 'GH_TOKEN', apiUrl: github.url, draft: false, prerelease: false };
    const first = await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '### Added\n- Dark mode\n' });
    const again = await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '### Added\n- Dark mode\n' });
    expect(first.url).toBe('https://github.example/acme/web/releases/tag/v1.2.0');
    expect(again).toEqual(first);
    expect(JSON.parse(github.requests[0]!.body)).toMatchObject({ tag_name: 'v1.2.0', body: '### Added\n- Dark mode\n' });
  });
});

describe('waitForVersion against a real endpoint', () => {
  it('waits until /api/version reports the new version', async () => {
    let calls = 0;
    const server = createServer((_request, response) => {
      calls += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: calls < 3 ? '1.1.0' : '1.2.0' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/version`;
    try {
      await waitForVersion({ url, jsonPath: 'version', timeoutSeconds: 10, intervalSeconds: 0.1 }, { ctx, version: '1.2.0', log: () => {} });
      expect(calls).toBe(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
