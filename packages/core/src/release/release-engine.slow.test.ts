// runRelease and rollbackRelease in-process, with a fake deploy provider (production is a
// variable here) and real git (a bare remote on disk): the lifecycle's events in order, the
// final status last, where production is left, and the git record — without the CLI or the
// server. The CLI's and the server's slow tests cover the real providers end to end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext, Exec, FileSystem } from '../context.js';
import type { DeployInput, DeployProvider, ReleaseTarget } from '../deploy/deploy-provider.js';
import { ShipgateError } from '../errors.js';
import { CancelRequest } from '../model/cancel-request.js';
import type { ReleaseEvent } from '../events.js';
import { planRelease } from '../plan/plan-release.js';
import { writeRollbackJournal } from './rollback-journal.js';
import { rollbackRelease } from './rollback-release.js';
import { runRelease } from './run-release.js';
import { openRepository } from '../git/repository.js';

const exec: Exec = async (command, args, options) => {
  const r = spawnSync(command, [...args], { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env } as NodeJS.ProcessEnv, input: options.input ?? '', encoding: 'utf8' });
  return { code: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: false, cancelled: false };
};

const disk: FileSystem = {
  readFile: async (path) => readFileSync(path, 'utf8'),
  writeFile: async (path, data) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, data);
    renameSync(`${path}.tmp`, path);
  },
  exists: async (path) => existsSync(path),
  isDirectory: async (path) => existsSync(path) && statSync(path).isDirectory(),
  readdir: async (path) => readdirSync(path).sort(),
  mkdir: async (path) => void mkdirSync(path, { recursive: true }),
  remove: async (path) => rmSync(path, { recursive: true, force: true }),
};

interface Fixture {
  app: string;
  origin: string;
  env: Record<string, string>;
  git(cwd: string, ...args: string[]): string;
}

function fixture(options: { healthCommand?: string } = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-core-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Core Test\n\temail = core@example.com\n[init]\n\tdefaultBranch = main\n');
  const env = { HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const fx = { app: join(root, 'app'), origin: join(root, 'origin.git'), env, git };
  git(root, 'init', '-q', '--bare', '-b', 'main', fx.origin);
  git(root, 'init', '-q', '-b', 'main', fx.app);
  git(fx.app, 'remote', 'add', 'origin', fx.origin);
  writeFileSync(join(fx.app, 'package.json'), '{\n  "name": "acme-web",\n  "version": "2.6.0"\n}\n');
  writeFileSync(join(fx.app, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Export API\n\n## [2.6.0] - 2026-01-01\n\n### Added\n\n- Orders\n');
  const health = options.healthCommand ? `health:\n  checks:\n    - name: smoke\n      command: ${JSON.stringify(options.healthCommand)}\n      timeout: 2s\n      interval: 0.1s\n      failureThreshold: 1\n      deadline: 2s\n` : '';
  writeFileSync(
    join(fx.app, '.shipgate.yaml'),
    `project: acme-web\ndeploy:\n  provider: command\n  command: "true"\n  rollbackCommand: "true"\ngates:\n  stagingValidation: false\n  rollback: false\n${health}monitoring:\n  enabled: false\n`,
  );
  git(fx.app, 'add', '-A');
  git(fx.app, 'commit', '-q', '-m', 'chore(release): v2.6.0');
  git(fx.app, 'tag', '-a', 'v2.6.0', '-m', 'Release v2.6.0');
  git(fx.app, 'commit', '-q', '--allow-empty', '-m', 'feat(orders): export API');
  git(fx.app, 'push', '-q', 'origin', 'main', 'refs/tags/v2.6.0');
  return fx;
}

/** Production is a variable: deploy and rollback move it, currentCommit reads it; failures on request. */
class FakeProvider implements DeployProvider {
  readonly name = 'fake';
  calls: string[] = [];
  constructor(
    public production: string | null,
    private readonly fail: { deploy?: boolean; rollback?: boolean } = {},
  ) {}
  async currentCommit(): Promise<string | null> {
    return this.production;
  }
  async deploy(input: DeployInput) {
    this.calls.push(`deploy ${input.release.tag} (previous ${input.previous?.tag ?? 'none'})`);
    if (this.fail.deploy) throw new ShipgateError('DEPLOY_FAILED', 'the fake deploy failed');
    this.production = input.release.commit;
    return { detail: `fake production runs ${input.release.tag}` };
  }
  async rollback(input: DeployInput & { to: ReleaseTarget }) {
    this.calls.push(`rollback to ${input.to.tag}`);
    if (this.fail.rollback) throw new ShipgateError('ROLLBACK_FAILED', 'the fake rollback failed');
    this.production = input.to.commit;
    return { detail: `fake production runs ${input.to.tag}` };
  }
}

function context(fx: Fixture): CoreContext & { events: ReleaseEvent[] } {
  const events: ReleaseEvent[] = [];
  return {
    exec,
    fs: disk,
    http: () => Promise.reject(new Error('no http in this test')),
    net: { connect: () => Promise.reject(new Error('no net in this test')) },
    clock: { now: () => new Date(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
    env: fx.env,
    events,
    emit: (event) => events.push(event),
  };
}

async function release(fx: Fixture, provider: FakeProvider) {
  const ctx = context(fx);
  const { plan, config } = await planRelease({ repoDir: fx.app, ctx });
  expect(plan.blockers).toEqual([]);
  const outcome = await runRelease({ repoDir: fx.app, config, plan, ctx, deployProvider: provider, actor: 'Ada' });
  return { outcome, events: ctx.events };
}

const statuses = (events: ReleaseEvent[]) => events.flatMap((e) => (e.type === 'release.status' ? [e.status] : []));
const subjects = (fx: Fixture) => fx.git(fx.origin, 'log', '--format=%s', 'main').split('\n');

describe('runRelease with a fake deploy provider', () => {
  it('releases: queued → running → succeeded, the report and where production is come right before the final status', async () => {
    const fx = fixture();
    const v260 = fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}');
    const provider = new FakeProvider(v260);
    const { outcome, events } = await release(fx, provider);
    expect(outcome).toMatchObject({ status: 'succeeded', version: '2.7.0', previousVersion: '2.6.0', tag: 'v2.7.0', exitCode: 0 });
    expect(statuses(events)).toEqual(['running', 'succeeded']);
    expect(events.slice(-3).map((e) => e.type)).toEqual(['production.changed', 'release.report', 'release.status']);
    expect(events.at(-3)).toMatchObject({ type: 'production.changed', version: '2.7.0', tag: 'v2.7.0' });
    expect(provider.calls).toEqual(['deploy v2.7.0 (previous v2.6.0)']);
    expect(provider.production).toBe(fx.git(fx.origin, 'rev-parse', 'v2.7.0^{commit}'));
    expect(events).toContainEqual(expect.objectContaining({ type: 'release.fact', key: 'previousVersion', value: '2.6.0' }));
    expect(subjects(fx).slice(0, 2)).toEqual(['docs(ship): ship report for v2.7.0', 'chore(release): v2.7.0']);
  });

  it('a failed deploy ends failed (resumable), with production untouched and the tag pushed', async () => {
    const fx = fixture();
    const v260 = fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}');
    const provider = new FakeProvider(v260, { deploy: true });
    const { outcome, events } = await release(fx, provider);
    expect(outcome).toMatchObject({ status: 'failed', failedStep: 'deploy', error: expect.objectContaining({ code: 'DEPLOY_FAILED' }) });
    expect(statuses(events).at(-1)).toBe('failed');
    expect(events.at(-1)).toMatchObject({ type: 'release.status', status: 'failed' });
    expect(events.some((e) => e.type === 'production.changed')).toBe(false);
    expect(provider.production).toBe(v260);
    expect(fx.git(fx.origin, 'tag', '-l')).toContain('v2.7.0');
  });

  it('failing health checks roll production back to the previous release and end rolled_back', async () => {
    const fx = fixture({ healthCommand: 'test "$SHIPGATE_VERSION" != 2.7.0' });
    const v260 = fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}');
    const provider = new FakeProvider(v260);
    const { outcome, events } = await release(fx, provider);
    expect(outcome, JSON.stringify(outcome.error)).toMatchObject({ status: 'rolled_back', exitCode: 4 });
    expect(provider.calls).toEqual(['deploy v2.7.0 (previous v2.6.0)', 'rollback to v2.6.0']);
    expect(provider.production).toBe(v260);
    expect(statuses(events)).toEqual(['running', 'rolling_back', 'rolled_back']);
    expect(events.at(-3)).toMatchObject({ type: 'production.changed', version: '2.6.0', tag: 'v2.6.0' });
    expect(events.at(-1)).toMatchObject({ type: 'release.status', status: 'rolled_back' });
  });
});

describe('a cancel says who cancelled and why', () => {
  it('cancelled during the health checks: production goes back, and the status and the ship report name the person and the reason', async () => {
    const fx = fixture({ healthCommand: 'true' });
    const v260 = fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}');
    const abort = new AbortController();
    const provider = new FakeProvider(v260);
    const deploy = provider.deploy.bind(provider);
    provider.deploy = async (input) => {
      const done = await deploy(input);
      abort.abort(new CancelRequest('Ann', 'the load balancer is flapping'));
      return done;
    };
    const ctx = { ...context(fx), signal: abort.signal };
    const { plan, config } = await planRelease({ repoDir: fx.app, ctx });
    const outcome = await runRelease({ repoDir: fx.app, config, plan, ctx, deployProvider: provider, actor: 'Ada' });
    expect(outcome.status).toBe('cancelled');
    expect(provider.production).toBe(v260);
    const final = ctx.events.at(-1);
    expect(final).toMatchObject({ type: 'release.status', status: 'cancelled' });
    expect((final as { reason?: string }).reason).toContain('cancelled by Ann (the load balancer is flapping)');
    const report = ctx.events.find((e) => e.type === 'release.report') as { markdown: string } | undefined;
    expect(report?.markdown).toContain('the release was cancelled by Ann (the load balancer is flapping)');
    expect(report?.markdown).toContain('**Released by**: Ada');
  });

  it('cancelled before anything moved: the reason names the person; a signal aborted without a request still reads "cancelled"', async () => {
    for (const [request, words] of [
      [new CancelRequest('Ann', 'wrong branch'), 'cancelled by Ann (wrong branch) before anything was pushed or deployed'],
      [undefined, 'cancelled before anything was pushed or deployed'],
    ] as const) {
      const fx = fixture();
      const abort = new AbortController();
      const ctx = { ...context(fx), signal: abort.signal };
      const { plan, config } = await planRelease({ repoDir: fx.app, ctx });
      abort.abort(request);
      const outcome = await runRelease({ repoDir: fx.app, config, plan, ctx, deployProvider: new FakeProvider(null), actor: 'Ada' });
      expect(outcome.status).toBe('cancelled');
      expect(ctx.events.at(-1)).toMatchObject({ type: 'release.status', status: 'cancelled', reason: words });
      expect(fx.git(fx.origin, 'tag', '-l')).not.toContain('v2.7.0');
    }
  });
});

describe('rollbackRelease with a fake deploy provider', () => {
  it('is its own run: running → succeeded, production back on the release before, one docs(ship) record', async () => {
    const fx = fixture();
    const provider = new FakeProvider(fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}'));
    expect((await release(fx, provider)).outcome.status).toBe('succeeded');
    const ctx = context(fx);
    const outcome = await rollbackRelease({ repoDir: fx.app, ctx, deployProvider: provider, actor: 'Ada', reason: 'checkout errors' });
    expect(outcome).toMatchObject({ status: 'succeeded', version: '2.6.0', previousVersion: '2.7.0', tag: 'v2.6.0', exitCode: 0 });
    expect(provider.production).toBe(fx.git(fx.origin, 'rev-parse', 'v2.6.0^{commit}'));
    expect(statuses(ctx.events)).toEqual(['running', 'succeeded']);
    expect(ctx.events.slice(-3).map((e) => e.type)).toEqual(['production.changed', 'release.report', 'release.status']);
    expect(ctx.events.at(-2)).toMatchObject({ type: 'release.report', markdown: expect.stringContaining('checkout errors') });
    expect(subjects(fx)[0]).toBe('docs(ship): roll back v2.7.0 to v2.6.0');
    // production already runs v2.6.0: a second rollback to it is refused, and changes nothing
    await expect(rollbackRelease({ repoDir: fx.app, ctx: context(fx), deployProvider: provider, to: 'v2.6.0' })).rejects.toThrow(/production already runs v2\.6\.0/);
    expect(subjects(fx).filter((s) => s.startsWith('docs(ship): roll back'))).toHaveLength(1);
  });

  it('a provider that cannot move production ends failed, with no record and production where it was', async () => {
    const fx = fixture();
    const provider = new FakeProvider(fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}'));
    await release(fx, provider);
    const v270 = provider.production;
    const failing = new FakeProvider(v270, { rollback: true });
    const ctx = context(fx);
    const outcome = await rollbackRelease({ repoDir: fx.app, ctx, deployProvider: failing });
    expect(outcome).toMatchObject({ status: 'failed', failedStep: 'rollback', error: expect.objectContaining({ code: 'ROLLBACK_FAILED' }) });
    expect(failing.production).toBe(v270);
    expect(ctx.events.some((e) => e.type === 'production.changed')).toBe(false);
    expect(subjects(fx).some((s) => s.startsWith('docs(ship): roll back'))).toBe(false);
    expect(existsSync(join(fx.app, '.git', 'shipgate', 'rollback.json'))).toBe(false);
  });

  it('finishes a rollback that was killed after production moved (its journal), instead of refusing it', async () => {
    const fx = fixture();
    const provider = new FakeProvider(fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}'));
    await release(fx, provider);
    // the killed run: journal written, production moved, no record
    const ctx = context(fx);
    await writeRollbackJournal(ctx, openRepository(ctx, fx.app, 'origin'), { from: 'v2.7.0', to: 'v2.6.0', startedAt: '2026-11-30T00:00:00.000Z' });
    provider.production = fx.git(fx.origin, 'rev-parse', 'v2.6.0^{commit}');
    const outcome = await rollbackRelease({ repoDir: fx.app, ctx, deployProvider: provider });
    expect(outcome).toMatchObject({ status: 'succeeded', version: '2.6.0', previousVersion: '2.7.0' });
    expect(ctx.events).toContainEqual(expect.objectContaining({ type: 'step.log', line: expect.stringMatching(/finishing the rollback of v2\.7\.0 to v2\.6\.0 that was interrupted/) }));
    expect(subjects(fx).filter((s) => s === 'docs(ship): roll back v2.7.0 to v2.6.0')).toHaveLength(1);
    expect(existsSync(join(fx.app, '.git', 'shipgate', 'rollback.json'))).toBe(false);
  });
  it('a record committed before the interruption and then refused by the remote: production stays rolled back, the warning says what to push', async () => {
    const fx = fixture();
    const provider = new FakeProvider(fx.git(fx.app, 'rev-parse', 'v2.6.0^{commit}'));
    await release(fx, provider);
    const remoteMain = fx.git(fx.origin, 'rev-parse', 'main');
    // the killed run: journal written, production moved, the record committed but never pushed
    const ctx = context(fx);
    await writeRollbackJournal(ctx, openRepository(ctx, fx.app, 'origin'), { from: 'v2.7.0', to: 'v2.6.0', startedAt: '2026-11-30T00:00:00.000Z' });
    provider.production = fx.git(fx.origin, 'rev-parse', 'v2.6.0^{commit}');
    fx.git(fx.app, 'commit', '-q', '--allow-empty', '-m', 'docs(ship): roll back v2.7.0 to v2.6.0');
    const sha = fx.git(fx.app, 'rev-parse', '--short=7', 'HEAD');
    // and now the remote refuses every push (a protected branch, a hook)
    writeFileSync(join(fx.origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho "main is protected" >&2\nexit 1\n', { mode: 0o755 });
    const outcome = await rollbackRelease({ repoDir: fx.app, ctx, deployProvider: provider });
    // production was moved and stays moved: the run says so, and says the record is only local
    expect(outcome).toMatchObject({ status: 'succeeded', version: '2.6.0' });
    expect(provider.production).toBe(fx.git(fx.origin, 'rev-parse', 'v2.6.0^{commit}'));
    expect(ctx.events).toContainEqual(
      expect.objectContaining({ type: 'step.log', stream: 'warn', line: `the rollback record is not on origin: docs(ship): roll back v2.7.0 to v2.6.0 is committed (${sha}) but origin refused it (push main when you can)` }),
    );
    expect(ctx.events).toContainEqual(expect.objectContaining({ type: 'step.finished', step: 'ship-report', status: 'failed' }));
    // nothing half-written on the remote, and the record was not committed twice
    expect(fx.git(fx.origin, 'rev-parse', 'main')).toBe(remoteMain);
    expect(fx.git(fx.app, 'log', '--format=%s', 'main').split('\n').filter((s) => s === 'docs(ship): roll back v2.7.0 to v2.6.0')).toHaveLength(1);
  });
});
