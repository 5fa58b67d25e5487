// The version decision from real commits, end to end through the built CLI: reverts,
// breaking footers, nothing to release, --bump, and the machine-readable errors.
import { describe, expect, it } from 'vitest';
import { commitMessage, git, makeGitFixture, remoteRef, remoteRefs, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

async function planJson(fx: GitFixture, extra: string[] = []) {
  const result = await runCli(['plan', '--dir', fx.app, '--json', ...extra], { cwd: fx.app, env: fx.env });
  return { result, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe.concurrent('shipgate plan and promote decide the version from conventional commits', () => {
  it('cancels a feat that a later commit reverts, leaving the fix: a patch', async () => {
    const fx = makeGitFixture({ commits: ['fix(cart): crash when empty'], unreleased: '' });
    const feat = commitMessage(fx, 'feat(orders): export API');
    commitMessage(fx, `Revert "feat(orders): export API"\n\nThis reverts commit ${feat}.\n`);
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(json).toMatchObject({ currentVersion: '2.6.0', nextVersion: '2.6.1', bump: 'patch', tag: 'v2.6.1', blocked: false });
  });

  it('makes a BREAKING-CHANGE footer a major release', async () => {
    const fx = makeGitFixture({ commits: ['fix(api): export paths\n\nMoved under /v2.\n\nBREAKING-CHANGE: /export is now /v2/export\n'], unreleased: '' });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(json).toMatchObject({ nextVersion: '3.0.0', bump: 'major', bumpSource: 'commits' });
  });

  it('blocks with "nothing to release" when no commit or CHANGELOG entry releases anything (exit 3), writing nothing', async () => {
    const fx = makeGitFixture({ commits: ['chore: tidy the build', 'docs: explain the export'], unreleased: '' });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(3);
    expect(json).toMatchObject({ nextVersion: null, bump: null, blocked: true });
    expect(String((json.blockers as string[])[0])).toMatch(/^Nothing to release/);
    const refs = remoteRefs(fx);
    const head = git(fx, fx.app, 'rev-parse', 'HEAD');
    const promote = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
    expect(promote.code, explain(promote)).toBe(3);
    expect(promote.stderr).toMatch(/nothing to release/i);
    expect(remoteRefs(fx)).toBe(refs);
    expect(git(fx, fx.app, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('tells a project without Spec-Flow features how to turn the spec gates off', async () => {
    const fx = makeGitFixture();
    git(fx, fx.app, 'rm', '-rq', 'specs');
    git(fx, fx.app, 'commit', '-qm', 'chore: no spec-flow here');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const r = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
    expect(r.code, explain(r)).toBe(3);
    const plan = JSON.parse(r.stdout) as { gates: Array<{ id: string; status: string; detail: string }> };
    expect(plan.gates.find((g) => g.id === 'staging-validation')).toMatchObject({ status: 'fail', detail: expect.stringContaining('set gates.stagingValidation: false in .shipgate.yaml') });
    expect(plan.gates.find((g) => g.id === 'rollback')?.detail).toContain('set gates.rollback: false');
  });

  it('releases exactly the version given with --bump 3.0.0', async () => {
    const fx = makeGitFixture();
    const { json } = await planJson(fx, ['--bump', '3.0.0']);
    expect(json).toMatchObject({ nextVersion: '3.0.0', bumpSource: 'override', tag: 'v3.0.0' });
    const promote = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor', '--bump', '3.0.0'], { cwd: fx.app, env: fx.env });
    expect(promote.code, explain(promote)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v3.0.0^{commit}'));
    expect(git(fx, fx.origin, 'show', 'v3.0.0:package.json')).toContain('"version": "3.0.0"');
  });

  it('rejects an invalid --bump with exit 2 and a JSON error on stdout under --json', async () => {
    const fx = makeGitFixture();
    const { result, json } = await planJson(fx, ['--bump', 'banana']);
    expect(result.code, explain(result)).toBe(2);
    expect(json.error).toMatchObject({ code: 'USAGE', field: '--bump' });
    expect(String((json.error as { message: string }).message)).toContain('banana');
    expect(result.stderr).toMatch(/banana/);
  });

  it('prints a configuration error under --json as { error: { code, message, file, line, column, field } } (exit 2)', async () => {
    const fx = makeGitFixture({ deploy: '  provider: vercell\n' });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(2);
    expect(json.error).toMatchObject({ code: 'CONFIG_INVALID', file: '.shipgate.yaml', line: expect.any(Number), column: expect.any(Number), field: 'deploy.provider' });
    expect(result.stderr).toMatch(/deploy\.provider/);
  });

  it('prints an unknown option under --json as a USAGE error on stdout (exit 2)', async () => {
    const fx = makeGitFixture();
    const { result, json } = await planJson(fx, ['--frobnicate']);
    expect(result.code, explain(result)).toBe(2);
    expect(json.error).toMatchObject({ code: 'USAGE', message: expect.stringContaining('frobnicate') });
  });

  it('releases generated entries when Unreleased holds only a template of headings, keeping the template there', async () => {
    const fx = makeGitFixture({ commits: ['fix(cart): crash when empty'], unreleased: '### Added\n\n### Fixed\n' });
    const { json } = await planJson(fx);
    expect(json).toMatchObject({ nextVersion: '2.6.1', changelog: expect.stringMatching(/^### Fixed\n\n- \*\*cart:\*\* crash when empty/) });
    const promote = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
    expect(promote.code, explain(promote)).toBe(0);
    const released = git(fx, fx.origin, 'show', 'v2.6.1:CHANGELOG.md');
    expect(released).toMatch(/## \[Unreleased\]\n\n### Added\n\n### Fixed\n\n## \[2\.6\.1\] - \d{4}-\d{2}-\d{2}\n\n### Fixed\n\n- \*\*cart:\*\* crash when empty/);
  });

  it('refuses promote without --yes when stdin is not a terminal (exit 2), changing nothing', async () => {
    const fx = makeGitFixture();
    const refs = remoteRefs(fx);
    const result = await runCli(['promote', '--dir', fx.app, '--no-monitor'], { cwd: fx.app, env: fx.env });
    expect(result.code, explain(result)).toBe(2);
    expect(result.stderr).toMatch(/pass --yes/);
    expect(remoteRefs(fx)).toBe(refs);
    expect(git(fx, fx.app, 'tag', '-l')).toBe('v2.6.0');
  });
});
