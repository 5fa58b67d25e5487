// A whole promote (plan, then run: bump, tag, push, git-branch deploy, one HTTP check, ship
// report) on a real repository with a bare remote, through the real Node context, counting
// every git process it starts: each step reads the remote at most once, and a step this
// run starts first acts at once instead of first asking git what an earlier run left.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Core's source, not its build: these tests run without a prior `tsc -b`.
import type { CoreContext } from '../../core/src/context.js';
import type { ReleaseEvent } from '../../core/src/events.js';
import { planRelease } from '../../core/src/plan/plan-release.js';
import { runRelease } from '../../core/src/release/run-release.js';
import { createNodeContext } from './index.js';
import { makePromoteFixture as fixture, type PromoteFixture as Fixture } from './testing/promote-fixture.js';
import { startTestHttpServer, type TestHttpServer } from './testing/test-http-server.js';

/** Plan and run one promote through a real context that records every program it starts. */
async function promote(fx: Fixture): Promise<{ calls: string[][]; events: ReleaseEvent[]; status: string }> {
  const calls: string[][] = [];
  const events: ReleaseEvent[] = [];
  const counting = (emit: (event: ReleaseEvent) => void): CoreContext => {
    const real = createNodeContext({ emit, env: fx.env });
    return { ...real, exec: (command, args, options) => (calls.push([command, ...args]), real.exec(command, args, options)) };
  };
  const { plan, config, layout } = await planRelease({ repoDir: fx.app, ctx: counting(() => {}) });
  expect(plan.blockers).toEqual([]);
  const outcome = await runRelease({ repoDir: fx.app, config, plan, layout, ctx: counting((event) => events.push(event)), monitor: false });
  return { calls, events, status: outcome.status };
}

const named = (calls: string[][], ...words: string[]) => calls.filter((call) => call[0] === 'git' && words.every((word) => call.includes(word)));

describe('the git processes of one promote', () => {
  let health: TestHttpServer;
  beforeAll(async () => void (health = await startTestHttpServer({ '/health': (_request, response) => response.writeHead(200).end('{"status":"ok"}') })));
  afterAll(async () => health?.close());

  it('reads the remote once in the plan and once in the deploy, and makes the tag, push and ship report without asking first', async () => {
    const fx = fixture(`${health.url}/health`);
    const { calls, events, status } = await promote(fx);
    expect(status).toBe('succeeded');
    const release = fx.git(fx.origin, 'rev-parse', 'v2.7.0^{commit}');
    expect(fx.git(fx.origin, 'rev-parse', 'production')).toBe(release);
    expect(fx.git(fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): ship report for v2.7.0');
    // the state.yaml write-back still carries the annotated tag's own date
    const tagDate = fx.git(fx.app, 'for-each-ref', '--format=%(creatordate:iso-strict)', 'refs/tags/v2.7.0');
    expect(fx.git(fx.origin, 'show', 'main:specs/001-checkout/state.yaml')).toContain(tagDate);

    const list = calls.map((call) => call.join(' ')).join('\n');
    expect(named(calls, 'ls-remote'), list).toHaveLength(2); // the plan's, the deploy step's
    expect(named(calls, 'refs/tags/v2.7.0^{commit}'), list).toHaveLength(0); // no look-up before the tag is made
    expect(named(calls, 'diff', '--cached'), list).toHaveLength(0); // asked only when a commit fails
    expect(named(calls, 'config', 'user.email'), list).toHaveLength(1);
    expect(named(calls, 'rev-parse', 'HEAD').filter((call) => call.length === 5), list).toHaveLength(1); // the release commit, once
    expect(named(calls, 'log', '-1', '--format=%s'), list).toHaveLength(0); // no subject of HEAD checked before the commit
    expect(calls.length, list).toBeLessThanOrEqual(24); // 31 before these changes
    // the deploy's lease is the sha the step read: production moved from where the remote said
    const deployLog = events.flatMap((e) => (e.type === 'step.log' && e.step === 'deploy' ? [e.line] : []));
    expect(deployLog.join('\n')).toMatch(/production before this deploy: git-branch production is at [0-9a-f]{7}/);
  });

  it('replaces an unpublished local tag of the same name that points elsewhere, and says so', async () => {
    const fx = fixture(`${health.url}/health`);
    fx.git(fx.app, 'tag', '-a', 'v2.7.0', '-m', 'stray', 'HEAD~1');
    const stray = fx.git(fx.app, 'rev-parse', 'v2.7.0^{commit}');
    const { events, status } = await promote(fx);
    expect(status).toBe('succeeded');
    const warned = events.flatMap((e) => (e.type === 'step.log' && e.step === 'tag' ? [e.line] : []));
    expect(warned).toEqual([`replacing the unpublished local tag v2.7.0 (it pointed at ${stray.slice(0, 7)})`]);
    const release = fx.git(fx.app, 'log', '-1', '--format=%H', '--grep=^chore(release): v2.7.0$');
    expect(fx.git(fx.app, 'rev-parse', 'v2.7.0^{commit}')).toBe(release);
    expect(fx.git(fx.origin, 'rev-parse', 'v2.7.0^{commit}')).toBe(release);
  });

  it('fails the tag step with git\'s own words when git cannot make the tag for another reason', async () => {
    const fx = fixture(`${health.url}/health`);
    // a file where the tag's ref directory must go: git cannot create refs/tags/v2.7.0/...
    // (a name git refuses outright keeps the plan from proposing it, so the ref store is broken instead)
    const { plan, config, layout } = await planRelease({ repoDir: fx.app, ctx: createNodeContext({ emit: () => {}, env: fx.env }) });
    writeFileSync(join(fx.app, '.git', 'refs', 'tags', 'v2.7.0.lock'), '');
    const events: ReleaseEvent[] = [];
    const outcome = await runRelease({ repoDir: fx.app, config, plan, layout, ctx: createNodeContext({ emit: (event) => events.push(event), env: fx.env }), monitor: false });
    expect(outcome.status).toBe('failed');
    expect(outcome.failedStep).toBe('tag');
    expect(outcome.error?.message).toMatch(/^git tag -a failed: .*v2\.7\.0\.lock/);
    expect(fx.git(fx.origin, 'tag', '-l')).toBe('v2.6.0'); // nothing was pushed
  });
});
