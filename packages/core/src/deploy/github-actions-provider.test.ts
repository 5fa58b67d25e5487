// Unit tests of the provider's logic on an in-memory GitHub and a manual clock (instant
// pollers). The proof against a real HTTP server speaking GitHub's REST API is
// packages/runtime/src/github-actions.slow.test.ts.
import { describe, expect, it } from 'vitest';
import type { GithubActionsDeployConfig } from '../config/config-types.js';
import type { HttpResponse } from '../context.js';
import { ShipgateError } from '../errors.js';
import { ManualClock, fakeContext } from '../testing/fake-context.js';
import type { DeployInput, StartedDeployment } from './deploy-provider.js';
import type { WorkflowRun } from './find-workflow-run.js';
import { createGithubActionsProvider } from './github-actions-provider.js';

const SHA = 'a'.repeat(40);
const PREVIOUS_SHA = 'c'.repeat(40);

interface Dispatch {
  ref: string;
  inputs: Record<string, string>;
  return_run_details?: boolean;
}

interface FakeGithub {
  runs: WorkflowRun[];
  progress: Map<number, Partial<WorkflowRun>[]>;
  dispatches: Dispatch[];
  cancels: number[];
  clock: ManualClock;
  /** GitHub's clock minus ours. */
  skewMs: number;
  /** false: answer 204 like a server without return_run_details. */
  returnsRunDetails: boolean;
}

/** An in-memory GitHub: each dispatch calls onDispatch, which adds runs (the last one is the dispatched run); GETs advance a run's status list. */
function fakeGithub(onDispatch: (dispatch: Dispatch, githubNow: string, github: FakeGithub) => void, options: Partial<Pick<FakeGithub, 'skewMs' | 'returnsRunDetails'>> = {}) {
  const clock = new ManualClock();
  const github: FakeGithub = { runs: [], progress: new Map(), dispatches: [], cancels: [], clock, skewMs: 0, returnsRunDetails: true, ...options };
  const githubNow = () => new Date(clock.now().getTime() + github.skewMs);
  const json = (status: number, body?: unknown): HttpResponse => ({ status, headers: { date: githubNow().toUTCString() }, body: body === undefined ? '' : JSON.stringify(body) });
  const ctx = fakeContext({
    clock,
    env: { GH_TOKEN: 'tok' },
    http: async (url, request) => {
      const { pathname } = new URL(url);
      if (request?.method === 'POST' && pathname.endsWith('/dispatches')) {
        const dispatch = JSON.parse(request.body ?? '{}') as Dispatch;
        github.dispatches.push(dispatch);
        onDispatch(dispatch, `${githubNow().toISOString().slice(0, 19)}Z`, github);
        const own = github.runs.at(-1);
        return github.returnsRunDetails && dispatch.return_run_details && own ? json(200, { workflow_run_id: own.id, html_url: own.html_url }) : json(204);
      }
      if (request?.method === 'POST' && pathname.endsWith('/cancel')) {
        const id = Number(pathname.split('/').at(-2));
        github.cancels.push(id);
        github.progress.set(id, [{ status: 'completed', conclusion: 'cancelled' }]);
        return json(202, {});
      }
      if (pathname.endsWith('/runs')) return json(200, { total_count: github.runs.length, workflow_runs: [...github.runs].reverse() });
      const run = github.runs.find((r) => pathname.endsWith(`/actions/runs/${r.id}`));
      if (!run) return json(404, { message: 'Not Found' });
      const next = github.progress.get(run.id)?.shift();
      if (next) Object.assign(run, next);
      return json(200, run);
    },
  });
  return { ctx, github };
}

function run(id: number, createdAt: string, overrides: Partial<WorkflowRun> = {}): WorkflowRun {
  return { id, run_number: id - 9_000_000_000, name: 'Deploy', display_title: 'Deploy', head_sha: SHA, status: 'queued', conclusion: null, created_at: createdAt, html_url: `https://github.com/acme/web/actions/runs/${id}`, event: 'workflow_dispatch', ...overrides };
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
  it('asks GitHub for the run it creates and follows that run, not a teammate’s run on the same commit a second earlier', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(9_000_000_041, now, { status: 'completed', conclusion: 'success' }), run(9_000_000_042, now));
      gh.progress.set(9_000_000_042, [{ status: 'completed', conclusion: 'failure' }]);
    });
    const error = await caught(createGithubActionsProvider().deploy(deployInput(ctx)));
    expect(github.dispatches[0]?.return_run_details).toBe(true);
    expect(error.message).toBe('run #42 (id 9000000042) concluded failure: https://github.com/acme/web/actions/runs/9000000042');
  });

  it('sends exactly the configured inputs, with {{version}} and {{tag}} filled in', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => gh.runs.push(run(9_000_000_001, now, { status: 'completed', conclusion: 'success' })));
    await createGithubActionsProvider().deploy(deployInput(ctx, { inputs: { environment: 'production', release: '{{ version }} ({{tag}})' } }));
    expect(github.dispatches).toEqual([{ ref: 'v1.2.0', inputs: { environment: 'production', release: '1.2.0 (v1.2.0)' }, return_run_details: true }]);
  });

  it('without run details, finds the run titled with its correlation id among others on the same sha', async () => {
    const { ctx, github } = fakeGithub(
      (dispatch, now, gh) => {
        const id = dispatch.inputs['correlation_id'] ?? 'missing';
        gh.runs.push(run(9_000_000_041, now, { display_title: 'Deploy someone-else', status: 'completed', conclusion: 'failure' }), run(9_000_000_042, now, { display_title: `Deploy ${id}` }));
        gh.progress.set(9_000_000_042, [...succeeds]);
      },
      { returnsRunDetails: false },
    );
    const log: string[] = [];
    const result = await createGithubActionsProvider().deploy(deployInput(ctx, { correlationInput: 'correlation_id' }, log));
    expect(github.dispatches[0]?.inputs['correlation_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.deploymentId).toBe('9000000042');
    expect(log.join('\n')).toContain("GitHub did not return the run's id");
  });

  it('without run details or a correlation input, refuses to guess between two runs on the same commit', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => gh.runs.push(run(9_000_000_041, now), run(9_000_000_042, now)), { returnsRunDetails: false });
    const error = await caught(createGithubActionsProvider().deploy(deployInput(ctx)));
    expect(error.message).toContain('Shipgate cannot tell which one is its own and follows none');
    expect(error.location.field).toBe('deploy.correlationInput');
  });

  it('finds its run by GitHub’s clock when GitHub’s clock is a minute behind ours', async () => {
    const { ctx, github } = fakeGithub(
      (_d, now, gh) => {
        gh.runs.push(run(9_000_000_007, now));
        gh.progress.set(9_000_000_007, [...succeeds]);
      },
      { returnsRunDetails: false, skewMs: -60_000 },
    );
    const result = await createGithubActionsProvider().deploy(deployInput(ctx));
    expect(result.deploymentId).toBe('9000000007');
    expect(github.clock.now().getTime() - Date.parse('2026-11-26T10:00:00Z')).toBeLessThan(60_000);
  });

  it('on a timeout says the run still runs, records its state, and the next attempt follows it instead of dispatching', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => gh.runs.push(run(9_000_000_042, now, { status: 'in_progress' })));
    const states: StartedDeployment[] = [];
    const input = { ...deployInput(ctx, { timeoutSeconds: 60 }), onStarted: async (s: StartedDeployment) => void states.push(s) };
    const error = await caught(createGithubActionsProvider().deploy(input));
    expect(error.message).toContain('run #42 (id 9000000042) was still in_progress after 60 s: https://github.com/acme/web/actions/runs/9000000042');
    expect(error.message).toContain('may still change production');
    expect(states.at(-1)).toMatchObject({ id: '9000000042', status: 'in_progress', tag: 'v1.2.0' });
    github.progress.set(9_000_000_042, [{ status: 'completed', conclusion: 'success' }]);
    const again = await createGithubActionsProvider().deploy({ ...deployInput(ctx), started: states.at(-1)! });
    expect(again.deploymentId).toBe('9000000042');
    expect(github.dispatches).toHaveLength(1);
  });

  it('on a cancel, cancels the run on GitHub and waits for it to stop', async () => {
    const controller = new AbortController();
    const { ctx, github } = fakeGithub((_d, now, gh) => gh.runs.push(run(9_000_000_042, now, { status: 'in_progress' })));
    const input = { ...deployInput(ctx), signal: controller.signal, log: (line: string) => line.startsWith('run #42') && line.includes('in_progress') && controller.abort() };
    const error = await caught(createGithubActionsProvider().deploy(input));
    expect(error.code).toBe('CANCELLED');
    expect(github.cancels).toEqual([9_000_000_042]);
    expect(github.runs[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(error.message).toBe('cancelled; run #42 (id 9000000042) was cancelled on GitHub: https://github.com/acme/web/actions/runs/9000000042');
  });

  it('refuses to start without the token and names only the variable and the field', async () => {
    const { ctx, github } = fakeGithub(() => {});
    const error = await caught(createGithubActionsProvider().deploy(deployInput({ ...ctx, env: {} })));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.location.field).toBe('deploy.tokenEnv');
    expect(github.dispatches).toHaveLength(0);
  });
});

describe('githubActionsProvider.rollback', () => {
  it('dispatches the previous tag with deploy.inputs and deploy.rollbackInputs, templated for the previous release', async () => {
    const { ctx, github } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(9_000_000_043, now, { head_sha: PREVIOUS_SHA }));
      gh.progress.set(9_000_000_043, [...succeeds]);
    });
    const input = deployInput(ctx, { inputs: { environment: 'production', version: '{{version}}' }, rollbackInputs: { rollback: 'true', environment: 'production-rollback' } });
    const result = await createGithubActionsProvider().rollback({ ...input, to: input.previous! });
    expect(github.dispatches).toEqual([{ ref: 'v1.1.0', inputs: { environment: 'production-rollback', version: '1.1.0', rollback: 'true' }, return_run_details: true }]);
    expect(result.deploymentId).toBe('9000000043');
  });

  it('reports a failed rollback run as ROLLBACK_FAILED', async () => {
    const { ctx } = fakeGithub((_d, now, gh) => {
      gh.runs.push(run(9_000_000_043, now, { head_sha: PREVIOUS_SHA }));
      gh.progress.set(9_000_000_043, [{ status: 'completed', conclusion: 'failure' }]);
    });
    const input = deployInput(ctx);
    const error = await caught(createGithubActionsProvider().rollback({ ...input, to: input.previous! }));
    expect(error.code).toBe('ROLLBACK_FAILED');
  });
});
