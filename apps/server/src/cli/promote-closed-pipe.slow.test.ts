// `shipgate promote --json | head`: the reader goes away after the first line, and the
// release still runs to its end instead of dying halfway on EPIPE.
import { describe, expect, it } from 'vitest';
import { makeGitFixture, remoteRef } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

describe('promote with a reader that closes its end of stdout', () => {
  it('finishes the release and exits 0 after the reader of --json went away', async () => {
    const fx = makeGitFixture();
    let closed = false;
    const result = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor', '--json'], {
      cwd: fx.app,
      env: fx.env,
      onStdout: (_chunk, child) => {
        if (closed) return;
        closed = true;
        child.stdout!.destroy();
      },
    });
    expect(closed).toBe(true);
    expect(result.stderr, explain(result)).not.toMatch(/EPIPE/);
    expect(result.code, explain(result)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
  }, 60_000);
});
