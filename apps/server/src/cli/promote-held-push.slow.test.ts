// The CLI killed (SIGKILL) while the remote holds one of its pushes (a post-receive hook that
// sleeps after the ref moved): re-running promote must read what landed on the remote and
// never write a record twice.
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { holdPush } from '../testing/hold-push.js';
import { git, makeGitFixture, remoteRef, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

const PROMOTE = ['promote', '--yes', '--no-monitor'];
const REPORT = 'specs/001-checkout-redesign/production-ship-report.md';

/** Runs promote and SIGKILLs it once the remote holds the push. */
async function promoteKilledWhileHeld(fx: GitFixture, held: Promise<void>) {
  let child: ChildProcess | null = null;
  const run = runCli([...PROMOTE, '--json', '--dir', fx.app], { cwd: fx.app, env: fx.env, onStdout: (_chunk, c) => void (child ??= c) });
  await held;
  (child as ChildProcess | null)?.kill('SIGKILL');
  return run;
}

describe('promote after a kill while the remote held its push', () => {
  it('keeps a ship report that landed: no second commit, nothing rewritten', { timeout: 120_000 }, async () => {
    const fx = makeGitFixture();
    const push = holdPush(fx.origin, 'refs/heads/main', /^docs\(ship\): ship report for v2\.7\.0$/);
    const first = await promoteKilledWhileHeld(fx, push.held());
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
});
