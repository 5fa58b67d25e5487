// The CLI killed (SIGKILL) while the remote holds one of its pushes (a post-receive hook that
// sleeps after the ref moved): re-running promote must read what landed on the remote and
// never write a record twice.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdPush } from '../testing/hold-push.js';
import { freePort, startServer, until } from '../testing/server-process.js';
import { git, makeGitFixture, remoteRef, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

const PROMOTE = ['promote', '--yes', '--no-monitor'];
const REPORT = 'specs/001-checkout-redesign/production-ship-report.md';

/** Runs the CLI and SIGKILLs it once the remote holds the push. */
async function killedWhileHeld(fx: GitFixture, held: Promise<void>, args = [...PROMOTE, '--json']) {
  let child: ChildProcess | null = null;
  const run = runCli([...args, '--dir', fx.app], { cwd: fx.app, env: fx.env, onSpawn: (c) => (child = c) });
  await held;
  (child as ChildProcess | null)?.kill('SIGKILL');
  return run;
}

const children: ChildProcess[] = [];
afterEach(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')));

describe('promote after a kill while the remote held its push', () => {
  it('keeps a ship report that landed: no second commit, nothing rewritten', { timeout: 120_000 }, async () => {
    const fx = makeGitFixture();
    const push = holdPush(fx.origin, 'refs/heads/main', /^docs\(ship\): ship report for v2\.7\.0$/);
    const first = await killedWhileHeld(fx, push.held());
    push.release();
    expect(first.signal, explain(first)).toBe('SIGKILL');
    const landed = git(fx, fx.origin, 'show', `main:${REPORT}`);
    expect(landed).not.toMatch(/decided by resume/);

    const second = await runCli([...PROMOTE, '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(second.code, explain(second)).toBe(0);
    const subjects = git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n');
    expect(subjects.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    expect(subjects.filter((s) => s === 'docs(ship): ship report for v2.7.0')).toHaveLength(1);
    expect(git(fx, fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
    expect(git(fx, fx.origin, 'show', `main:${REPORT}`)).toBe(landed);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expect(git(fx, fx.app, 'rev-parse', 'HEAD')).toBe(remoteRef(fx, 'refs/heads/main'));
    expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
  });

  it('a promote whose atomic push loses the race to the server leaves the checkout as it was', { timeout: 180_000 }, async () => {
    const fx = makeGitFixture();
    const before = git(fx, fx.app, 'rev-parse', 'HEAD');
    // the CLI's push waits on the remote (before any ref moves) while the server releases the same project
    const push = holdPush(fx.origin, 'refs/tags/v2.7.0', /^chore\(release\): v2\.7\.0$/, 'pre-receive');
    const cli = runCli([...PROMOTE, '--dir', fx.app], { cwd: fx.app, env: fx.env, timeoutMs: 170_000 });
    await push.held();
    const server = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-race-')), project: fx.app, port: await freePort(), children });
    const id = String((await server.api('/api/projects/acme-web/releases', 'POST')).id);
    const won = await until(() => server.api(`/api/releases/${id}`), (r) => ['succeeded', 'failed', 'rolled_back', 'cancelled'].includes(String(r.status)), 'the server release');
    expect(won).toMatchObject({ status: 'succeeded', tag: 'v2.7.0' });
    push.release();
    const lost = await cli;
    await server.kill();

    expect(lost.code, explain(lost)).toBe(1);
    expect(lost.stdout + lost.stderr).toMatch(/rejected/);
    // as it was: no unpushed release commit, no local tag that differs from the remote's
    expect(git(fx, fx.app, 'rev-parse', 'HEAD')).toBe(before);
    expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
    const localTag = git(fx, fx.app, 'tag', '-l', 'v2.7.0');
    if (localTag) expect(git(fx, fx.app, 'rev-parse', 'v2.7.0^{commit}')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expect(lost.stdout + lost.stderr).toMatch(/git pull/);
    // the remote holds the server's release, once
    const subjects = git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n');
    expect(subjects.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    expect(git(fx, fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    // and the next promote, after a pull, has nothing left to release
    git(fx, fx.app, 'pull', '-q', '--ff-only', '--tags', 'origin', 'main');
    const next = await runCli([...PROMOTE, '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(next.stdout + next.stderr, explain(next)).toMatch(/Nothing to release/);
  });

  it('shipgate rollback again after a kill during its production push finishes that rollback, records it once, and goes no further', { timeout: 180_000 }, async () => {
    const fx = makeGitFixture();
    const released = await runCli([...PROMOTE, '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(released.code, explain(released)).toBe(0);
    const v260 = remoteRef(fx, 'refs/tags/v2.6.0^{commit}');
    const push = holdPush(fx.origin, 'refs/heads/production', /^chore\(release\): v2\.6\.0$/);
    const first = await killedWhileHeld(fx, push.held(), ['rollback', '--yes']);
    push.release();
    expect(first.signal, explain(first)).toBe('SIGKILL');
    expect(remoteRef(fx, 'refs/heads/production')).toBe(v260);

    const second = await runCli(['rollback', '--yes', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(second.code, explain(second)).toBe(0);
    expect(second.stderr).toMatch(/finishing the rollback of v2\.7\.0 to v2\.6\.0/);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(v260);
    const subjects = git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n');
    expect(subjects.filter((s) => s === 'docs(ship): roll back v2.7.0 to v2.6.0')).toHaveLength(1);
    // finished: a further rollback has nothing before v2.6.0 to go to, and records nothing
    const third = await runCli(['rollback', '--yes', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(third.code).not.toBe(0);
    expect(git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n').filter((s) => s.startsWith('docs(ship): roll back'))).toHaveLength(1);
  });
});
