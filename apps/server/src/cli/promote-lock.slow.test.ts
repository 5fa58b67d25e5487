// Two promotes in one checkout at once: the second refuses (exit 3) and changes nothing,
// instead of committing, tagging and pushing over the first.
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture } from './testing/git-fixture.js';
import { explain, runCli, type CliResult } from './testing/run-cli.js';

describe('one release per checkout at a time', () => {
  it('refuses a second promote while the first is deploying, and the first still finishes', async () => {
    const fx = makeGitFixture({ deploy: '  provider: command\n  command: echo deploying; sleep 3\n' });
    let second: Promise<CliResult> | null = null;
    const first = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], {
      cwd: fx.app,
      env: fx.env,
      onStdout: (chunk) => {
        if (!second && chunk.includes('deploying')) second = runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
      },
    });
    expect(second, explain(first)).not.toBeNull();
    const refused = await second!;
    expect(refused.code, explain(refused)).toBe(3);
    expect(refused.stderr).toMatch(/another shipgate promote \(pid \d+\) is running in this checkout/);
    expect(first.code, explain(first)).toBe(0);
    expect(git(fx, fx.origin, 'log', '--format=%s', 'main').split('\n').filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    const again = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
    expect(again.stderr, explain(again)).not.toMatch(/another shipgate/); // the lock went with the first run
  }, 60_000);
});
