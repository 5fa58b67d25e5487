// The real CLI promoting with the github-actions provider, configured exactly as the example
// (packages/core/src/config/examples/github-actions.shipgate.yaml) with its workflow file
// committed, against a bare git remote and a local server on 127.0.0.1 that speaks GitHub's
// documented REST API strictly (GitHub itself is unreachable from here).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GithubApiServer, ScriptedDispatch } from '@shipgate/runtime/testing/github-api-server';
import { git, remoteRef, type GitFixture } from './testing/git-fixture.js';
import { githubActionsFixture, type GithubActionsFixtureOptions } from './testing/github-actions-fixture.js';
import { startHealthServer, type HealthServer } from './testing/health-server.js';
import { explain, runCli, type CliResult } from './testing/run-cli.js';

let github: GithubApiServer | undefined;
let health: HealthServer | undefined;
afterEach(async () => {
  await github?.close();
  await health?.close();
  github = undefined;
  health = undefined;
});

async function fixture(options: GithubActionsFixtureOptions = {}): Promise<GitFixture> {
  const fx = await githubActionsFixture(options);
  github = fx.github;
  return fx;
}

const promote = (fx: GitFixture, extra: string[] = [], onStdout?: Parameters<typeof runCli>[1]['onStdout']) =>
  runCli(['promote', '--yes', '--no-monitor', ...extra, '--dir', fx.app], { cwd: fx.app, env: fx.env, timeoutMs: 90_000, ...(onStdout ? { onStdout } : {}) });
const events = (result: CliResult) => result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLines = () => github!.requests.map((r) => `${r.method} ${r.path}`);

describe('promote with the github-actions provider, as the example is written', () => {
  it('plans the workflow’s inputs, follows its own run past a teammate’s, and creates the GitHub Release only after the health checks', async () => {
    health = await startHealthServer();
    const fx = await fixture({ healthUrl: health.url });
    const plan = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
    expect(plan.code, explain(plan)).toBe(0);
    const gates = (JSON.parse(plan.stdout) as { gates: { id: string; status: string; detail: string }[] }).gates;
    expect(gates.find((g) => g.id === 'deploy-provider')).toMatchObject({ status: 'pass' });
    expect(gates.find((g) => g.id === 'deploy-workflow')?.detail).toBe(
      '.github/workflows/deploy.yml declares environment, version, dry_run, rollback, shipgate_id; sends environment, version, dry_run, rollback, shipgate_id',
    );
    const teammate: ScriptedDispatch = { pollsPerStatus: 2, alongside: [{ secondsBefore: 1, display_title: 'Deploy 2.7.0 (teammate)', conclusion: 'failure' }] };
    github!.scriptDispatch(teammate);
    const result = await promote(fx, ['--json']);
    expect(result.code, explain(result)).toBe(0);
    const [dispatch] = github!.dispatches;
    expect(github!.dispatches).toHaveLength(1);
    expect(dispatch).toMatchObject({ ref: 'v2.7.0', returnRunDetails: true, inputs: { environment: 'production', version: '2.7.0', dry_run: 'false' } });
    expect(Object.keys(dispatch!.inputs).sort()).toEqual(['dry_run', 'environment', 'shipgate_id', 'version']);
    const own = github!.runs.find((run) => run.conclusion === 'success')!;
    expect(remoteRef(fx, 'refs/tags/v2.7.0^{commit}')).toBe(own.head_sha);
    expect(requestLines().some((line) => line.endsWith(`/runs/${github!.runs.find((run) => run.conclusion === 'failure')!.id}`))).toBe(false);
    const log = events(result);
    const healthDone = log.findIndex((e) => e['type'] === 'step.finished' && e['step'] === 'health-checks');
    const released = log.findIndex((e) => e['type'] === 'step.log' && String(e['line']).startsWith('GitHub Release v2.7.0 created'));
    expect(healthDone).toBeGreaterThan(-1);
    expect(released).toBeGreaterThan(healthDone);
    expect(github!.releases.map((r) => [r.tag_name, r.draft, r.prerelease])).toEqual([['v2.7.0', false, false]]);
    expect(log.some((e) => e['type'] === 'step.log' && String(e['line']).includes(`run #${own.run_number} (id ${own.id}) succeeded`))).toBe(true);
  }, 150_000);

  it('blocks the plan, with the fix, before anything is pushed: unset token, rejected token, workflow without workflow_dispatch', async () => {
    const fx = await fixture();
    const unset = await promote({ ...fx, env: { ...fx.env, GITHUB_TOKEN: '' } });
    expect(unset.code, explain(unset)).toBe(3);
    expect(unset.stderr).toContain('environment variable GITHUB_TOKEN is not set: export GITHUB_TOKEN=');
    const rejected = await runCli(['plan', '--dir', fx.app], { cwd: fx.app, env: { ...fx.env, GITHUB_TOKEN: 'ghs_expired' } });
    expect(rejected.code, explain(rejected)).toBe(3);
    expect(rejected.stdout + rejected.stderr).toContain('GitHub rejected the token in $GITHUB_TOKEN (401 Bad credentials)');
    writeFileSync(join(fx.app, '.github/workflows/deploy.yml'), 'name: Deploy\non:\n  push:\n    branches: [main]\njobs: {}\n');
    git(fx, fx.app, 'commit', '-q', '-am', 'ci: deploy on push only');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const noTrigger = await promote(fx);
    expect(noTrigger.code, explain(noTrigger)).toBe(3);
    expect(noTrigger.stdout + noTrigger.stderr).toContain('has no workflow_dispatch trigger');
    expect(remoteRef(fx, 'refs/tags/v2.7.0')).toBeNull();
    expect(github!.dispatches).toHaveLength(0);
    expect(requestLines().every((line) => line === 'GET /repos/acme/acme-web/actions/workflows/deploy.yml')).toBe(true);
  }, 150_000);

  it('on Ctrl-C cancels the GitHub run and waits until it stopped before dispatching the rollback', async () => {
    const fx = await fixture();
    github!.scriptDispatch({ pollsPerStatus: Number.POSITIVE_INFINITY, pollsToCancel: 3 });
    let out = '';
    let interrupted = false;
    const result = await promote(fx, [], (chunk, child) => {
      out += chunk;
      if (!interrupted && /run #\d+ \(id \d+\) (queued|in_progress)/.test(out)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    expect(interrupted, explain(result)).toBe(true);
    const own = github!.runs[0]!;
    expect(github!.cancels).toEqual([own.id]);
    expect(own).toMatchObject({ head_sha: remoteRef(fx, 'refs/tags/v2.7.0^{commit}'), status: 'completed', conclusion: 'cancelled' });
    const lines = requestLines();
    const cancelAt = lines.indexOf(`POST /repos/acme/acme-web/actions/runs/${own.id}/cancel`);
    const rollbackAt = lines.lastIndexOf('POST /repos/acme/acme-web/actions/workflows/deploy.yml/dispatches');
    expect(cancelAt).toBeGreaterThan(-1);
    expect(rollbackAt).toBeGreaterThan(cancelAt);
    expect(lines.slice(cancelAt + 1, rollbackAt).filter((line) => line.endsWith(`/runs/${own.id}`)).length).toBeGreaterThanOrEqual(3);
    expect(github!.dispatches.map((d) => [d.ref, d.inputs['version'], d.inputs['rollback']])).toEqual([['v2.7.0', '2.7.0', undefined], ['v2.6.0', '2.6.0', 'true']]);
    expect(result.stdout + result.stderr).toContain(`run #${own.run_number} (id ${own.id}) was cancelled on GitHub`);
  }, 150_000);

  it('after a timeout says the run may still change production, and the next promote follows that run instead of dispatching another', async () => {
    const fx = await fixture({ deploy: { timeout: '2s' } });
    github!.scriptDispatch({ pollsPerStatus: Number.POSITIVE_INFINITY });
    const first = await promote(fx);
    expect(first.code, explain(first)).toBe(1);
    const own = github!.runs[0]!;
    const said = first.stdout + first.stderr;
    expect(said).toContain(`${own.html_url} was still running: production may be changing to v2.7.0`);
    expect(said).not.toContain('production still runs the previous release');
    const journal = JSON.parse(readFileSync(join(fx.app, '.git/shipgate/journal.json'), 'utf8')) as { deployStarted?: { id: string; status: string } };
    expect(journal.deployStarted).toMatchObject({ id: String(own.id), status: 'queued' });
    github!.settleRun(own.id, 'success');
    const again = await promote(fx);
    expect(again.code, explain(again)).toBe(0);
    expect(again.stdout + again.stderr).toContain(`following run #${own.run_number} (id ${own.id}), dispatched by an earlier attempt of v2.7.0, instead of dispatching again`);
    expect(github!.dispatches).toHaveLength(1);
  }, 150_000);

  it('publishes no GitHub Release for a release whose health checks fail and that is rolled back', async () => {
    // production is unhealthy until the rollback run is dispatched
    const sick = createServer((_request, response) => response.writeHead(github!.dispatches.length >= 2 ? 200 : 503).end());
    await new Promise<void>((resolve) => sick.listen(0, '127.0.0.1', resolve));
    const fx = await fixture({ healthUrl: `http://127.0.0.1:${(sick.address() as AddressInfo).port}/health` });
    const result = await promote(fx).finally(() => sick.close());
    expect(result.code, explain(result)).toBe(4);
    expect(github!.dispatches.map((d) => d.ref)).toEqual(['v2.7.0', 'v2.6.0']);
    expect(github!.releases).toEqual([]);
    expect(requestLines().some((line) => line.includes('/releases'))).toBe(false);
  }, 150_000);
});
