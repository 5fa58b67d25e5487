// Crash tests with the remote held mid-push: a post-receive hook sleeps after the ref moved,
// the server is SIGKILLed, a new server comes up, and resume or cancel must decide from what
// the remote holds. Each ends with the remote consistent: one release commit, one tag, the
// records written once, production where the release's final status says.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git } from '../testing/git-fixture.js';
import { holdPush } from '../testing/hold-push.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { freePort, startServer, until } from '../testing/server-process.js';

const children: ChildProcess[] = [];
afterEach(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')));

const GIT_BRANCH = '  provider: git-branch\n  branch: production';
const FINAL = ['succeeded', 'failed', 'rolled_back', 'cancelled'];

function subjects(origin: string): string[] {
  return git(origin, 'log', '--format=%s', 'main').split('\n');
}

/** The committed state.yaml's deployed_at on the remote main. */
function deployedAt(origin: string): string {
  return /deployed_at: "?([^"\n]+)/.exec(git(origin, 'show', 'main:specs/001-checkout-redesign/state.yaml'))?.[1] ?? '';
}

async function serverFor(project: string) {
  const options = { dataDir: mkdtempSync(join(tmpdir(), 'shipgate-held-')), project, port: await freePort(), children };
  return { options, server: await startServer(options) };
}

describe('crash while the remote holds a push', () => {
  it('cancel after a kill during the production push rolls production back and says so', { timeout: 180_000 }, async () => {
    const fx = makeReleaseFixture(GIT_BRANCH);
    const before = git(fx.origin, 'rev-parse', 'production');
    const push = holdPush(fx.origin, 'refs/heads/production', /^chore\(release\): v2\.7\.0$/);
    const { options, server: first } = await serverFor(fx.app);
    const id = String((await first.api('/api/projects/acme-web/releases', 'POST')).id);
    await push.held();
    await first.kill();
    push.release();
    // the push landed: production already holds the new release
    expect(git(fx.origin, 'rev-parse', 'production')).toBe(git(fx.origin, 'rev-parse', 'v2.7.0^{commit}'));

    const second = await startServer(options);
    expect(await second.api(`/api/releases/${id}`)).toMatchObject({ status: 'interrupted', interruptedStep: 'deploy' });
    await second.api(`/api/releases/${id}/cancel`, 'POST');
    const done = await until(() => second.api(`/api/releases/${id}`), (r) => FINAL.includes(String(r.status)), 'the cancelled release');
    expect(done).toMatchObject({ status: 'cancelled' });
    expect(git(fx.origin, 'rev-parse', 'production')).toBe(before);
    const events = (await second.api(`/api/releases/${id}/events`)) as unknown as { events?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>;
    const list = Array.isArray(events) ? events : (events.events ?? []);
    const said = list.map((e) => `${String(e.reason ?? '')} ${String(e.line ?? '')}`).join('\n');
    expect(said).toMatch(/roll/i);
    expect(said).not.toMatch(/before the deploy/);
    const log = subjects(fx.origin);
    expect(log.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    expect(log.filter((s) => s.startsWith('docs(ship): roll back v2.7.0'))).toHaveLength(1);
    expect(git(fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
    await second.kill();
  });

  it('resume after a kill during the ship report push keeps the landed report: no second commit, reasons and deployed_at kept', { timeout: 180_000 }, async () => {
    const fx = makeReleaseFixture(GIT_BRANCH);
    const push = holdPush(fx.origin, 'refs/heads/main', /^docs\(ship\): ship report for v2\.7\.0$/);
    const { options, server: first } = await serverFor(fx.app);
    const id = String((await first.api('/api/projects/acme-web/releases', 'POST')).id);
    await push.held();
    await first.kill();
    push.release();
    const landed = git(fx.origin, 'show', 'main:specs/001-checkout-redesign/production-ship-report.md');
    const landedAt = deployedAt(fx.origin);
    expect(landed).toMatch(/decided by/);
    expect(landed).not.toMatch(/decided by resume/);

    const second = await startServer(options);
    expect(await second.api(`/api/releases/${id}`)).toMatchObject({ status: 'interrupted', interruptedStep: 'ship-report' });
    await second.api(`/api/releases/${id}/resume`, 'POST');
    const done = await until(() => second.api(`/api/releases/${id}`), (r) => FINAL.includes(String(r.status)), 'the resumed release');
    expect(done).toMatchObject({ status: 'succeeded' });
    const log = subjects(fx.origin);
    expect(log.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    expect(log.filter((s) => s === 'docs(ship): ship report for v2.7.0')).toHaveLength(1);
    expect(git(fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
    expect(git(fx.origin, 'rev-parse', 'production')).toBe(git(fx.origin, 'rev-parse', 'v2.7.0^{commit}'));
    expect(git(fx.origin, 'show', 'main:specs/001-checkout-redesign/production-ship-report.md')).toBe(landed);
    expect(deployedAt(fx.origin)).toBe(landedAt);
    // the report the server keeps is the one on the remote, not a rewrite by the resume
    const stored = await fetch(`http://127.0.0.1:${options.port}/api/releases/${id}/report`, { headers: { authorization: 'Bearer crash' } }).then((r) => r.text());
    expect(stored).not.toMatch(/decided by resume/);
    // the server adds who decided what (here: the resume) after the engine's report
    const [engineReport, decisions] = stored.split('\n## Decisions\n');
    expect(engineReport!.trim()).toBe(landed.trim());
    expect(decisions).toMatch(/\| resumed \|/);
    await second.kill();
  });

  for (const action of ['resume', 'cancel'] as const) {
    it(`${action} after a kill during a rollback's production push finishes the rollback and records it once`, { timeout: 180_000 }, async () => {
      const fx = makeReleaseFixture(GIT_BRANCH);
      const v260 = git(fx.origin, 'rev-parse', 'v2.6.0^{commit}');
      const { options, server: first } = await serverFor(fx.app);
      const id = String((await first.api('/api/projects/acme-web/releases', 'POST')).id);
      await until(() => first.api(`/api/releases/${id}`), (r) => FINAL.includes(String(r.status)), 'the release');
      const push = holdPush(fx.origin, 'refs/heads/production', /^chore\(release\): v2\.6\.0$/);
      const rollback = await first.api(`/api/releases/${id}/rollback`, 'POST', { reason: 'checkout errors' });
      expect(rollback).toMatchObject({ kind: 'rollback', rollbackOf: id, status: expect.stringMatching(/queued|running/) });
      const rollbackId = String(rollback.id);
      await push.held();
      await first.kill();
      push.release();
      expect(git(fx.origin, 'rev-parse', 'production')).toBe(v260);

      const second = await startServer(options);
      // the rollback is its own record: it was interrupted in its rollback step; the release it replaces keeps its outcome
      expect(await second.api(`/api/releases/${rollbackId}`)).toMatchObject({ status: 'interrupted', interruptedStep: 'rollback' });
      expect(await second.api(`/api/releases/${id}`)).toMatchObject({ status: 'succeeded', rolledBackBy: null });
      await second.api(`/api/releases/${rollbackId}/${action}`, 'POST');
      const done = await until(() => second.api(`/api/releases/${rollbackId}`), (r) => FINAL.includes(String(r.status)), `the ${action}`);
      expect(done).toMatchObject({ status: 'succeeded', kind: 'rollback', version: '2.6.0', previousVersion: '2.7.0', reason: 'checkout errors' });
      expect(await second.api(`/api/releases/${id}`)).toMatchObject({ status: 'succeeded', rolledBackBy: rollbackId });
      expect(git(fx.origin, 'rev-parse', 'production')).toBe(v260);
      const log = subjects(fx.origin);
      expect(log.filter((s) => s === 'docs(ship): roll back v2.7.0 to v2.6.0')).toHaveLength(1);
      expect(log.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
      expect(git(fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
      expect(await second.api('/api/projects/acme-web')).toMatchObject({ productionVersion: '2.6.0', production: { version: '2.6.0', tag: 'v2.6.0', commit: v260 } });
      await second.kill();
    });
  }
});
