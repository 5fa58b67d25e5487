// A project whose remote is brand new (nothing pushed yet): the remote answers but has no
// main, so the first release creates main, the tag and the production branch there.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture, remoteRef } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

describe('a first release into an empty remote', () => {
  it('plans without blocking and promote creates main, the tag and production on the remote', async () => {
    const fx = makeGitFixture();
    const empty = join(fx.root, 'empty.git');
    git(fx, fx.root, 'init', '-q', '--bare', '-b', 'main', empty);
    git(fx, fx.app, 'remote', 'set-url', 'origin', empty);
    const plan = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
    expect(plan.code, explain(plan)).toBe(0);
    const gate = (JSON.parse(plan.stdout) as { gates: Array<{ id: string; status: string; detail: string }> }).gates.find((g) => g.id === 'up-to-date');
    expect(gate).toMatchObject({ status: 'pass', detail: 'origin/main does not exist yet: the release creates it' });
    const promote = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
    expect(promote.code, explain(promote)).toBe(0);
    const origin = { env: fx.env, origin: empty };
    const tagCommit = git(origin, empty, 'rev-parse', 'refs/tags/v2.7.0^{commit}');
    expect(git(origin, empty, 'rev-parse', 'refs/heads/production')).toBe(tagCommit);
    expect(git(origin, empty, 'log', '-1', '--format=%s', 'refs/heads/main')).toBe('docs(ship): ship report for v2.7.0');
    expect(remoteRef(fx, 'refs/tags/v2.7.0')).toBeNull(); // the old origin saw nothing
  }, 60_000);
});
