// The up-to-date gate through the built CLI: behind the remote blocks (with the count), only
// ahead passes (with the count) — both counts come from one `git rev-list --left-right`. Behind,
// the push gate gives git's reason as a checkout that fetched first sees it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

type Gate = { id: string; status: string; detail: string };
const upToDate = (stdout: string) => (JSON.parse(stdout) as { gates: Gate[] }).gates.find((g) => g.id === 'up-to-date');

describe('the up-to-date gate', () => {
  it('fails one commit behind origin/main and passes two local commits ahead, saying how many', async () => {
    const fx = makeGitFixture();
    const other = join(fx.root, 'other');
    git(fx, fx.root, 'clone', '-q', fx.origin, other);
    git(fx, other, 'commit', '-q', '--allow-empty', '-m', 'fix: someone else');
    git(fx, other, 'push', '-q', 'origin', 'main');
    const behind = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
    expect(upToDate(behind.stdout), explain(behind)).toMatchObject({ status: 'fail', detail: '1 commit(s) behind origin/main: run git pull --rebase' });
    // the provider's dry-run push goes out with the fetch; a refusal is asked again after it, so
    // git's words are those of a checkout that has the remote's commit (behind, never "the remote
    // contains work that you do not have locally", git's words before the fetch)
    const pushGate = (JSON.parse(behind.stdout) as { gates: Gate[] }).gates.find((g) => g.id === 'deploy-provider');
    expect(pushGate, explain(behind)).toMatchObject({ status: 'fail' });
    expect(pushGate?.detail).toMatch(/^origin refuses a dry-run push of HEAD to main: .*the tip of your current branch is behind/);

    git(fx, fx.app, 'pull', '-q', '--rebase', 'origin', 'main');
    git(fx, fx.app, 'commit', '-q', '--allow-empty', '-m', 'fix: one');
    git(fx, fx.app, 'commit', '-q', '--allow-empty', '-m', 'fix: two');
    const ahead = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
    expect(upToDate(ahead.stdout), explain(ahead)).toMatchObject({ status: 'pass', detail: '2 local commit(s) not pushed yet: the release pushes them' });
  }, 60_000);

  it('an unreachable remote fails the gate, and the blocker says to check the remote and plan again (CLI and --json agree)', async () => {
    const fx = makeGitFixture();
    git(fx, fx.app, 'remote', 'set-url', 'origin', join(fx.root, 'gone.git'));
    const planned = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
    const plan = JSON.parse(planned.stdout) as { gates: Gate[]; blocked: boolean; blockedBy: Array<{ source: string; action: { id: string; label: string; cli?: string } }> };
    expect(upToDate(planned.stdout), explain(planned)).toMatchObject({ status: 'fail' });
    expect(plan.blocked).toBe(true);
    expect(plan.blockedBy.find((b) => b.source === 'up-to-date')?.action).toEqual({
      id: 'check-remote',
      label: 'Check that origin is reachable (URL, network, credentials), then plan again',
      cli: 'shipgate plan',
    });
    const human = await runCli(['plan', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(human.stdout + human.stderr, explain(human)).toContain('→ Check that origin is reachable (URL, network, credentials), then plan again: shipgate plan');
  }, 60_000);
});
