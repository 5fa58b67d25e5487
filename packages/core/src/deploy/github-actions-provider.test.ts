import { describe, expect, it } from 'vitest';
import type { GithubActionsDeployConfig } from '../config/config-types.js';
import type { HttpResponse } from '../context.js';
import { ShipgateError } from '../errors.js';
import { ManualClock, fakeContext } from '../testing/fake-context.js';
import type { DeployInput } from './deploy-provider.js';
import type { WorkflowRun } from './find-workflow-run.js';
import { createGithubActionsProvider } from './github-actions-provider.js';

const SHA = 'a'.repeat(40);
const OTHER_SHA = 'b'.repeat(40);
const PREVIOUS_SHA = 'c'.repeat(40);

interface Dispatch {
  ref: string;
  inputs: Record<string, string>;
}

/** An in-memory GitHub: each dispatch calls onDispatch, which may add runs; GETs of a run advance its status list. */
function fakeGithub(onDispatch: (dispatch: Dispatch, now: string, github: FakeGithub) => void) {
  const clock = new ManualClock();
  const github: FakeGithub = { runs: [], progress: new Map(), dispatches: [], clock, listQueries: [] };
  const json = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: body === undefined ? '' : JSON.stringify(body) });
  const ctx = fakeContext({
    clock,
    env: { GH_TOKEN: 'tok' },
    http: async (url, request) => {
      const { pathname, searchParams } = new URL(url);
      if (request?.method === 'POST' && pathname.endsWith('/dispatches')) {
        const dispatch = JSON.parse(request.body ?? '{}') as Dispatch;
        github.dispatches.push(dispatch);
        onDispatch(dispatch, clock.now().toISOString(), github);
        return json(204, undefined);
      }
      if (pathname.endsWith('/runs')) {
        github.listQueries.push(searchParams);
        return json(200, { total_count: github.runs.length, workflow_runs: github.runs });
      }
      const run = github.runs.find((r) => pathname.endsWith(`/actions/runs/${r.id}`));
      if (!run) return json(404, { message: 'Not Found' });
      const next = github.progress.get(run.id)?.shift();
      if (next) Object.assign(run, next);
      return json(200, run);
    },
  });
  return { ctx, github };
}

interface FakeGithub {
  runs: WorkflowRun[];
  progress: Map<number, Partial<WorkflowRun>[]>;
  dispatches: Dispatch[];
  clock: ManualClock;
  listQueries: URLSearchParams[];
}

function run(id: number, createdAt: string, overrides: Partial<WorkflowRun> = {}): WorkflowRun {
  return { id, name: 'Deploy', display_title: 'Deploy', head_sha: SHA, status: 'queued', conclusion: null, created_at: createdAt, html_url: `https://github.com/acme/web/actions/runs/${id}`, event: 'workflow_dispatch', ...overrides };
}

const succeeds: Partial<WorkflowRun>[] = [{ status: 'in_progress' }, { status: 'completed', conclusion: 'success' }];

function deployInput(ctx: DeployInput['ctx'], config: Partial<GithubActionsDeployConfig> = {}, log: string[] = []): DeployInput {
  return {
    repoDir: '/repo',
    remote: 'origin',
    ctx,
    config: { provider: 'github-actions', repository: 'acme/web', workflow: 'deploy.yml', inputs: { environment: 'production' }, rollbackInputs: {}, tokenEnv: 'GH_TOKEN', apiUrl: 'https://api.github.com', timeoutSeconds: 600, pollSeconds: 5, ...config },
    release: { version: '1.2.0', tag: 'v1.2.0', commit: SHA },
    previous: { version: '1.1.0', tag: 'v1.1.0', commit: PREVIOUS_SHA },
    log: (line) => log.push(line),
  };
}

async function caught(promise: Promise<unknown>): Promise<ShipgateError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShipgateError);
  return error as ShipgateError;
}

describe('githubActionsProvider.deploy', () => {
  it('dispatches on the release tag with version, tag and configured inputs, then follows the run to success', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(42, now));
      gh.progress.set(42, [...succeeds]);
    });
    const log: string[] = [];
    const result = await createGithubActionsProvider().deploy(deployInput(ctx, {}, log));
    expect(github.dispatches).toEqual([{ ref: 'v1.2.0', inputs: { version: '1.2.0', tag: 'v1.2.0', environment: 'production' } }]);
    expect(github.listQueries[0]?.get('event')).toBe('workflow_dispatch');
    expect(github.listQueries[0]?.get('head_sha')).toBe(SHA);
    expect(github.listQueries[0]?.get('created')).toBe('>=2026-11-26T09:59:55Z');
    expect(result).toEqual({ detail: 'run #42 succeeded', deploymentId: '42', deploymentUrl: 'https://github.com/acme/web/actions/runs/42' });
    expect(log).toContain('run #42 queued: https://github.com/acme/web/actions/runs/42');
    expect(log).toContain('run #42 in_progress');
  });

  it('picks the run on the release sha when another sha’s run appears at the same time', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(41, now, { head_sha: OTHER_SHA, status: 'completed', conclusion: 'failure' }), run(42, now));
      gh.progress.set(42, [...succeeds]);
    });
    const result = await createGithubActionsProvider().deploy(deployInput(ctx));
    expect(result.deploymentId).toBe('42');
  });

  it('picks the run titled with its correlation id when another dispatch on the same sha runs at the same time', async () => {
    const { ctx, github } = fakeGithub((dispatch, now, gh) => {
      const id = dispatch.inputs['correlation_id'] ?? 'missing';
      gh.runs.push(run(41, now, { display_title: 'Deploy someone-else', status: 'completed', conclusion: 'failure' }), run(42, now, { display_title: `Deploy ${id}` }));
      gh.progress.set(42, [...succeeds]);
    });
    const result = await createGithubActionsProvider().deploy(deployInput(ctx, { correlationInput: 'correlation_id' }));
    expect(github.dispatches[0]?.inputs['correlation_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.deploymentId).toBe('42');
  });

  it('never claims the same run for two dispatches on the same sha', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => {
      const id = gh.runs.length + 1;
      gh.runs.push(run(id, now));
      gh.progress.set(id, [{ status: 'completed', conclusion: 'success' }]);
    });
    const provider = createGithubActionsProvider();
    const first = await provider.deploy(deployInput(ctx));
    const second = await provider.deploy(deployInput(ctx));
    expect([first.deploymentId, second.deploymentId]).toEqual(['1', '2']);
  });

  it('ignores runs created before the dispatch and fails when the dispatched run never appears', async () => {
    const { ctx, github } = fakeGithub((_d, _now, gh) => {
      gh.runs.push(run(7, '2026-11-26T09:00:00Z', { status: 'completed', conclusion: 'success' }));
    });
    const error = await caught(createGithubActionsProvider().deploy(deployInput(ctx)));
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toContain('the dispatched run never appeared');
    expect(error.message).toContain('deploy.yml on v1.2.0');
    expect(github.clock.now().toISOString()).toBe('2026-11-26T10:02:00.000Z');
  });

  it('fails on a conclusion other than success, with the conclusion and the run link', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(42, now));
      gh.progress.set(42, [{ status: 'completed', conclusion: 'cancelled' }]);
    });
    const error = await caught(createGithubActionsProvider().deploy(deployInput(ctx)));
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toBe('run #42 concluded cancelled: https://github.com/acme/web/actions/runs/42');
  });

  it('fails when the run is still running at the timeout, linking it', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => gh.runs.push(run(42, now, { status: 'in_progress' })));
    const error = await caught(createGithubActionsProvider().deploy(deployInput(ctx, { timeoutSeconds: 60 })));
    expect(error.message).toBe('run #42 was still in_progress after 60 s: https://github.com/acme/web/actions/runs/42');
  });

  it('refuses to start without the token and names only the variable and the field', async () => {
    const { ctx, github } = fakeGithub(() => {});
    const error = await caught(createGithubActionsProvider().deploy(deployInput({ ...ctx, env: {} })));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('GH_TOKEN');
    expect(error.location.field).toBe('deploy.tokenEnv');
    expect(github.dispatches).toHaveLength(0);
  });

  it('stops following the run with CANCELLED when the release is cancelled', async () => {
    const controller = new AbortController();
    const { ctx } = fakeGithub((_d, now, gh) => gh.runs.push(run(42, now, { status: 'in_progress' })));
    const input = { ...deployInput(ctx), signal: controller.signal, log: (line: string) => line.startsWith('run #42') && controller.abort() };
    const error = await caught(createGithubActionsProvider().deploy(input));
    expect(error.code).toBe('CANCELLED');
  });
});

describe('githubActionsProvider.rollback', () => {
  it('dispatches the previous tag with the previous version and follows that run', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(43, now, { head_sha: PREVIOUS_SHA }));
      gh.progress.set(43, [...succeeds]);
    });
    const input = deployInput(ctx);
    const result = await createGithubActionsProvider().rollback({ ...input, to: input.previous! });
    expect(github.dispatches).toEqual([{ ref: 'v1.1.0', inputs: { environment: 'production', version: '1.1.0', tag: 'v1.1.0' } }]);
    expect(result.deploymentId).toBe('43');
  });

  it('adds deploy.rollbackInputs to the rollback run only', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(44, now, { head_sha: PREVIOUS_SHA }));
      gh.progress.set(44, [...succeeds]);
    });
    const input = deployInput(ctx, { rollbackInputs: { rollback: 'true', environment: 'production-rollback' } });
    await createGithubActionsProvider().rollback({ ...input, to: input.previous! });
    expect(github.dispatches).toEqual([{ ref: 'v1.1.0', inputs: { environment: 'production-rollback', rollback: 'true', version: '1.1.0', tag: 'v1.1.0' } }]);
  });

  it('reports a failed rollback run as ROLLBACK_FAILED', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(43, now, { head_sha: PREVIOUS_SHA }));
      gh.progress.set(43, [{ status: 'completed', conclusion: 'failure' }]);
    });
    const input = deployInput(ctx);
    const error = await caught(createGithubActionsProvider().rollback({ ...input, to: input.previous! }));
    expect(error.code).toBe('ROLLBACK_FAILED');
  });
});

describe('githubActionsProvider.currentCommit', () => {
  it('cannot tell what production runs and says so with null', async () => {
    const { ctx } = fakeGithub(() => {});
    const { release: _r, previous: _p, ...input } = deployInput(ctx);
    expect(await createGithubActionsProvider().currentCommit(input)).toBeNull();
  });
});
