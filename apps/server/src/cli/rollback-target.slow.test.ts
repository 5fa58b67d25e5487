// Which release `shipgate rollback` returns to: the newest one before production's that was
// never rolled back itself (a rolled-back release is no place to return to); --to forces any.
import { rollbackRelease, type ReleaseEvent } from '@shipgate/core';
import { createNodeContext } from '@shipgate/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitMessage, git, makeGitFixture, remoteRef } from './testing/git-fixture.js';
import { startHealthServer, type HealthServer } from './testing/health-server.js';
import { explain, runCli } from './testing/run-cli.js';

describe('shipgate rollback picks a release that was not rolled back', () => {
  let health: HealthServer;
  beforeAll(async () => void (health = await startHealthServer()));
  afterAll(async () => health?.close());

  it('from v2.8.0 it skips v2.7.0 (rolled back earlier) and returns to v2.6.0; --to v2.7.0 still forces it', { timeout: 120_000 }, async () => {
    const fx = makeGitFixture({ healthUrl: health.url });
    const cli = (...args: string[]) => runCli([...args, '--dir', fx.app], { cwd: fx.app, env: fx.env });
    const released = await cli('promote', '--yes', '--no-monitor');
    expect(released.code, explain(released)).toBe(0);
    const back = await cli('rollback', '--yes');
    expect(back.code, explain(back)).toBe(0);
    commitMessage(fx, 'feat(search): instant results');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const next = await cli('promote', '--yes', '--no-monitor');
    expect(next.code, explain(next)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.8.0^{commit}'));

    const second = await cli('rollback', '--yes');
    expect(second.code, explain(second)).toBe(0);
    expect(second.stdout + second.stderr).toMatch(/skipping v2\.7\.0: it was rolled back before/);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.6.0^{commit}'));
    expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v2.8.0 to v2.6.0');

    const forced = await cli('rollback', '--yes', '--to', 'v2.7.0');
    expect(forced.code, explain(forced)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
  });

  it("the dashboard's preferred target (the release's previous version) gives way when that release was rolled back", { timeout: 120_000 }, async () => {
    const fx = makeGitFixture({ healthUrl: health.url });
    const cli = (...args: string[]) => runCli([...args, '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect((await cli('promote', '--yes', '--no-monitor')).code).toBe(0);
    expect((await cli('rollback', '--yes')).code).toBe(0);
    commitMessage(fx, 'feat(search): instant results');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    expect((await cli('promote', '--yes', '--no-monitor')).code).toBe(0);

    const lines: string[] = [];
    const ctx = createNodeContext({ emit: (event: ReleaseEvent) => void (event.type === 'step.log' && lines.push(event.line)), env: fx.env });
    const outcome = await rollbackRelease({ repoDir: fx.app, ctx, preferred: '2.7.0' });
    expect(outcome).toMatchObject({ status: 'succeeded', tag: 'v2.6.0', previousVersion: '2.8.0' });
    expect(lines.join('\n')).toMatch(/skipping v2\.7\.0: it was rolled back before/);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.6.0^{commit}'));
  });
});
