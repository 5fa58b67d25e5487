// `shipgate rollback` with the github-actions provider and GitHub Releases, end to end: the real
// CLI, a bare git remote, the example config as written, and the local GitHub REST stand-in on
// 127.0.0.1 (GitHub itself is unreachable from here). The release production leaves is marked
// like one a failed release rolls back; the restored release is Latest again; a GitHub that
// refuses the marking costs a warning, never the rollback.
import { afterEach, describe, expect, it } from 'vitest';
import type { GithubApiServer } from '@shipgate/runtime/testing/github-api-server';
import { git, remoteRef } from './testing/git-fixture.js';
import { githubActionsFixture, publishRelease, type GithubActionsFixture } from './testing/github-actions-fixture.js';
import { startHealthServer, type HealthServer } from './testing/health-server.js';
import { explain, runCli } from './testing/run-cli.js';

const RELEASES = '/repos/acme/acme-web/releases';

let fx: GithubActionsFixture | undefined;
let health: HealthServer | undefined;
afterEach(async () => {
  await fx?.github.close();
  await health?.close();
  fx = undefined;
  health = undefined;
});

/** v2.6.0 published on GitHub, then v2.7.0 promoted (healthy): its release is published and Latest. */
async function releasedV270(): Promise<GithubActionsFixture> {
  health = await startHealthServer();
  fx = await githubActionsFixture({ healthUrl: health.url });
  await publishRelease(fx.github, 'v2.6.0');
  const promoted = await runCli(['promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env, timeoutMs: 90_000 });
  expect(promoted.code, explain(promoted)).toBe(0);
  expect(fx.github.releases.find((r) => r.tag_name === 'v2.7.0')).toMatchObject({ draft: false, prerelease: false, name: 'v2.7.0' });
  expect(fx.github.latestReleaseTag()).toBe('v2.7.0');
  return fx;
}

const rollback = (at: GithubActionsFixture) => runCli(['rollback', '--yes', '--dir', at.app], { cwd: at.app, env: { ...at.env, USER: 'alice' }, timeoutMs: 90_000 });
/** Release writes Shipgate sent after the promote (`from` = the number of requests before the rollback). */
const writesSince = (github: GithubApiServer, from: number) =>
  github.requests.slice(from).filter((r) => r.path.startsWith(RELEASES) && r.method !== 'GET').map((r) => ({ method: r.method, path: r.path, body: JSON.parse(r.body) as Record<string, unknown> }));

describe('shipgate rollback and the GitHub Release', () => {
  it('marks the release it replaces "(rolled back)", prerelease, not Latest, and makes the restored release Latest again', async () => {
    const at = await releasedV270();
    const [v260, v270] = ['v2.6.0', 'v2.7.0'].map((tag) => at.github.releases.find((r) => r.tag_name === tag)!);
    const before = at.github.requests.length;
    const result = await rollback(at);
    expect(result.code, explain(result)).toBe(0);
    expect(at.github.dispatches.map((d) => [d.ref, d.inputs['version'], d.inputs['rollback']])).toEqual([
      ['v2.7.0', '2.7.0', undefined],
      ['v2.6.0', '2.6.0', 'true'],
    ]);
    expect(writesSince(at.github, before)).toEqual([
      { method: 'PATCH', path: `${RELEASES}/${v270!.id}`, body: expect.objectContaining({ name: 'v2.7.0 (rolled back)', prerelease: true, make_latest: 'false' }) },
      { method: 'PATCH', path: `${RELEASES}/${v260!.id}`, body: { make_latest: 'true' } },
    ]);
    expect(v270).toMatchObject({ draft: false, prerelease: true, name: 'v2.7.0 (rolled back)' });
    expect(v270!.body).toMatch(/^> \*\*Rolled back\.\*\* v2\.7\.0 was rolled back to v2\.6\.0 by alice at \d{4}-\d\d-\d\dT[\d:.]+Z\.\n\n/);
    expect(v260).toMatchObject({ draft: false, prerelease: false, name: 'v2.6.0' });
    expect(at.github.latestReleaseTag()).toBe('v2.6.0');
    expect(result.stderr).toContain(`GitHub Release v2.7.0 marked as rolled back (prerelease, not Latest): ${v270!.html_url}; v2.6.0 is Latest again`);
    expect(git(at, at.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v2.7.0 to v2.6.0');
  }, 150_000);

  it('rolls back all the same when GitHub refuses to change the release (a token without contents: write), and warns', async () => {
    const at = await releasedV270();
    const v270 = at.github.releases.find((r) => r.tag_name === 'v2.7.0')!;
    at.github.forbid('PATCH', /\/releases\/\d+$/);
    const result = await rollback(at);
    expect(result.code, explain(result)).toBe(0);
    expect(result.stderr).toContain('production runs v2.6.0 again');
    expect(result.stderr).toContain(`⚠ GitHub Release v2.7.0 not marked as rolled back: GitHub API PATCH ${RELEASES}/${v270.id} answered 403: Resource not accessible by integration`);
    expect(at.github.dispatches.map((d) => d.ref)).toEqual(['v2.7.0', 'v2.6.0']);
    expect(at.github.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`${RELEASES}/${v270.id}`]);
    expect(v270).toMatchObject({ prerelease: false, name: 'v2.7.0' });
    expect(at.github.latestReleaseTag()).toBe('v2.7.0');
    expect(git(at, at.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v2.7.0 to v2.6.0');
    expect(remoteRef(at, 'refs/tags/v2.7.0')).not.toBeNull();
  }, 150_000);
});
