// Re-running promote after an interruption finishes the release: a remote that rejects a
// ref until it is fixed, or the CLI killed (SIGKILL) at each step. Afterwards the remote
// holds exactly one release commit and one tag, and production runs the release.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeGitFixture, rejectRefs, remoteRef, type GitFixture } from './testing/git-fixture.js';
import { startHealthServer, type HealthServer } from './testing/health-server.js';
import { explain, runCli } from './testing/run-cli.js';

const PROMOTE = ['promote', '--yes', '--no-monitor'];

function promote(fx: GitFixture, extra: string[] = []) {
  return runCli([...PROMOTE, '--dir', fx.app, ...extra], { cwd: fx.app, env: fx.env });
}

/** Exactly one release commit and one new tag on the remote, the tag on that commit. */
function expectReleasedOnce(fx: GitFixture): void {
  const subjects = git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n');
  expect(subjects.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
  expect(subjects.filter((s) => s.startsWith('chore(release):'))).toHaveLength(2); // v2.6.0 and v2.7.0
  expect(git(fx, fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
  const release = git(fx, fx.origin, 'log', '-1', '--format=%H', '--grep=^chore(release): v2.7.0$', 'main');
  expect(remoteRef(fx, 'refs/tags/v2.7.0^{commit}')).toBe(release);
  expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
  expect(git(fx, fx.app, 'rev-parse', 'HEAD')).toBe(remoteRef(fx, 'refs/heads/main'));
}

describe.concurrent('promote finishes an interrupted release without duplicating it', () => {
  let health: HealthServer;
  beforeAll(async () => void (health = await startHealthServer()));
  afterAll(async () => health?.close());

  it('leaves main and the tag pushed when only production is rejected, says how to finish, and a second promote finishes it', async () => {
    const fx = makeGitFixture({ healthUrl: health.url, rejectRefs: ['refs/heads/production'] });
    const production = remoteRef(fx, 'refs/heads/production');
    const first = await promote(fx);
    expect(first.code, explain(first)).toBe(1);
    expect(first.stderr).toContain('deploy failed — main and the tag are pushed');
    expect(remoteRef(fx, 'refs/tags/v2.7.0')).not.toBeNull();
    expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('chore(release): v2.7.0');
    expect(remoteRef(fx, 'refs/heads/production')).toBe(production);
    expect(first.stdout + first.stderr).toMatch(/rejected moving production to v2\.7\.0/);
    expect(first.stdout + first.stderr).toMatch(/run shipgate promote again to finish/);

    rejectRefs(fx, []);
    const second = await promote(fx);
    expect(second.code, explain(second)).toBe(0);
    expect(second.stderr + second.stdout).toMatch(/resuming v2\.7\.0/);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expectReleasedOnce(fx);
  });

  it('finishes a pushed but undeployed release from a fresh clone that has no journal (CI), without a new commit or tag', async () => {
    const fx = makeGitFixture({ healthUrl: health.url, rejectRefs: ['refs/heads/production'] });
    const first = await promote(fx);
    expect(first.code, explain(first)).toBe(1);
    rejectRefs(fx, []);
    const clone = join(fx.root, 'fresh-clone');
    git(fx, fx.root, 'clone', '-q', fx.origin, clone);
    expect(existsSync(join(clone, '.git', 'shipgate'))).toBe(false);

    const plan = await runCli(['plan', '--json', '--dir', clone], { cwd: clone, env: fx.env });
    expect(plan.code, explain(plan)).toBe(0);
    const preview = JSON.parse(plan.stdout) as { resuming: boolean; nextVersion: string; currentVersion: string; warnings: string[] };
    expect(preview).toMatchObject({ resuming: true, nextVersion: '2.7.0', currentVersion: '2.6.0' });
    expect(preview.warnings.join('\n')).toMatch(/v2\.7\.0 is on origin .* never finished: production runs v2\.6\.0/);

    const second = await runCli([...PROMOTE, '--dir', clone], { cwd: clone, env: fx.env });
    expect(second.code, explain(second)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expect(git(fx, fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
    const subjects = git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n');
    expect(subjects.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    expect(subjects[0]).toBe('docs(ship): ship report for v2.7.0');
    const report = readFileSync(join(clone, 'specs/001-checkout-redesign/production-ship-report.md'), 'utf8');
    expect(report).toContain('Export API for orders (#214)'); // the CHANGELOG section, read back from the release commit

    // finished: the next promote has nothing to release
    const third = await runCli([...PROMOTE, '--dir', clone], { cwd: clone, env: fx.env });
    expect(third.code, explain(third)).toBe(3);
    expect(third.stdout + third.stderr).toMatch(/Nothing to release/);
  });

  it('finishes a pushed but undeployed release when its journal file is torn', async () => {
    const fx = makeGitFixture({ healthUrl: health.url, rejectRefs: ['refs/heads/production'] });
    expect((await promote(fx)).code).toBe(1);
    writeFileSync(join(fx.app, '.git', 'shipgate', 'journal.json'), '{"version": "2.7.0", "tag": "v2.7');
    rejectRefs(fx, []);
    const second = await promote(fx);
    expect(second.code, explain(second)).toBe(0);
    expect(second.stdout + second.stderr).toMatch(/resuming v2\.7\.0/);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expectReleasedOnce(fx);
  });

  it('releases once after the remote rejected main and then accepts it', async () => {
    const fx = makeGitFixture({ healthUrl: health.url, rejectRefs: ['refs/heads/main'] });
    const first = await promote(fx);
    expect(first.code, explain(first)).toBe(1);
    rejectRefs(fx, []);
    const second = await promote(fx);
    expect(second.code, explain(second)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expectReleasedOnce(fx);
  });

  it('finishes a release interrupted after it rewrote package.json and the CHANGELOG but before it committed them', async () => {
    const fx = makeGitFixture({ healthUrl: health.url });
    const lock = join(fx.app, '.git', 'index.lock');
    writeFileSync(lock, ''); // git add fails: the files are rewritten, nothing is committed
    const first = await promote(fx);
    expect(first.code, explain(first)).toBe(1);
    expect(git(fx, fx.app, 'status', '--porcelain')).toMatch(/package\.json/);
    rmSync(lock);
    const second = await promote(fx);
    expect(second.code, explain(second)).toBe(0);
    expect(readFileSync(join(fx.app, 'CHANGELOG.md'), 'utf8').match(/## \[2\.7\.0\]/g)).toHaveLength(1);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expectReleasedOnce(fx);
  });

});

// One at a time: concurrent tests' synchronous git calls can keep this worker from reading a
// CLI's output for seconds, and a kill must land as its step starts.
describe('promote finishes a release killed at any step without duplicating it', () => {
  let health: HealthServer;
  beforeAll(async () => void (health = await startHealthServer()));
  afterAll(async () => health?.close());

  for (const step of ['bump-version', 'tag', 'push', 'deploy', 'health-checks', 'ship-report']) {
    it(`finishes the release once when the CLI is killed (SIGKILL) as ${step} starts during a slow command deploy`, { timeout: 120_000 }, async () => {
      const deploy = [
        '  provider: command',
        // the first deploy waits for ../go, which the test writes once it has read the deploy's first
        // line (or killed the CLI before it): however late the test reads the output, the run cannot
        // pass the deploy before the test has caught up with it; then a second more, so the test is
        // waiting for the next step's line when it comes
        '  command: if [ -e ../deployed-once ]; then echo "$SHIPGATE_TAG" > ../deployed; else touch ../deployed-once; echo deploying slowly; i=0; while [ ! -e ../go ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; sleep 1; echo "$SHIPGATE_TAG" > ../deployed; fi',
        '  rollbackCommand: echo "$SHIPGATE_TAG" > ../deployed',
        '',
      ].join('\n');
      const fx = makeGitFixture({ healthUrl: health.url, deploy });
      const go = join(fx.root, 'go');
      let killed = false;
      let out = '';
      const marker = step === 'deploy' ? '"line":"deploying slowly"' : `"type":"step.started","step":"${step}"`;
      const first = await runCli([...PROMOTE, '--json', '--dir', fx.app], {
        cwd: fx.app,
        env: fx.env,
        onStdout: (chunk, child) => {
          out += chunk;
          if (!killed && out.includes(marker)) {
            killed = true;
            child.kill('SIGKILL');
          }
          if (out.includes('"line":"deploying slowly"')) writeFileSync(go, '');
        },
      });
      writeFileSync(go, ''); // killed before the deploy: its deploy never started, or may finish now
      expect(first.signal, explain(first)).toBe('SIGKILL');
      const second = await promote(fx);
      expect(second.code, explain(second)).toBe(0);
      expect(readFileSync(join(fx.root, 'deployed'), 'utf8').trim()).toBe('v2.7.0');
      expect(existsSync(join(fx.specDir, 'production-ship-report.md'))).toBe(true);
      expectReleasedOnce(fx);
    });
  }
});
