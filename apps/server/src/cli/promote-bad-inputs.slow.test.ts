// Every bad input of issue 2 gets its own actionable error from the built CLI, and nothing
// is written or pushed: the remote's refs, the local HEAD and tags, and the work tree stay.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogText, git, makeGitFixture, rejectRefs, remoteRefs, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli, type CliResult } from './testing/run-cli.js';

const STATE = 'specs/001-checkout-redesign/state.yaml';

/** Commits (and pushes) a file change, so only that change is "bad". */
function commitFile(fx: GitFixture, file: string, content: string | null): void {
  if (content === null) rmSync(join(fx.app, file));
  else writeFileSync(join(fx.app, file), content);
  git(fx, fx.app, 'add', '-A');
  git(fx, fx.app, 'commit', '-q', '-m', `chore: edit ${file}`);
  git(fx, fx.app, 'push', '-q', 'origin', 'main');
}

interface Snapshot {
  remote: string;
  head: string;
  tags: string;
  status: string;
}

function snapshot(fx: GitFixture): Snapshot {
  return {
    remote: remoteRefs(fx),
    head: git(fx, fx.app, 'rev-parse', 'HEAD'),
    tags: git(fx, fx.app, 'tag', '-l'),
    status: git(fx, fx.app, 'status', '--porcelain'),
  };
}

async function promoteUnchanged(fx: GitFixture): Promise<CliResult> {
  const before = snapshot(fx);
  const result = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
  const after = snapshot(fx);
  expect(after.remote, `remote refs moved\n${explain(result)}`).toBe(before.remote);
  expect(after.head, `a local commit was made\n${explain(result)}`).toBe(before.head);
  expect(after.tags, `a local tag was made\n${explain(result)}`).toBe(before.tags);
  expect(after.status, 'the work tree changed').toBe(before.status);
  return result;
}

describe.concurrent('shipgate promote refuses bad inputs with nothing written or pushed', () => {
  it('names .shipgate.yaml:line:column and the field for an unknown deploy provider (exit 2)', async () => {
    const fx = makeGitFixture({ deploy: '  provider: vercell\n  branch: production\n' });
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/\.shipgate\.yaml:\d+:\d+ deploy\.provider: unknown provider "vercell"/);
  });

  it('names .shipgate.yaml:line:column and the field for a health check without its name (exit 2)', async () => {
    const fx = makeGitFixture({ extraConfig: 'health:\n  checks:\n    - url: http://127.0.0.1:9/health\n' });
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/\.shipgate\.yaml:\d+:\d+ health\.checks\[0\]\.name: /);
  });

  it('names the state.yaml that cannot be parsed (exit 3)', async () => {
    const fx = makeGitFixture();
    commitFile(fx, STATE, 'workflow:\n  manual_gates: [unclosed\n');
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toContain(`${STATE}:`);
    expect(r.stderr).toMatch(/cannot be parsed/);
  });

  it('names the missing gate field of a state.yaml without one (exit 3)', async () => {
    const fx = makeGitFixture();
    commitFile(fx, STATE, '# no gates yet\nworkflow:\n  phase: implement\n');
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toContain(STATE);
    expect(r.stderr).toMatch(/staging_validation\.status/);
    expect(r.stderr).toMatch(/rollback_capability\.passed/);
  });

  it('names package.json and its version field when the version is missing (exit 2)', async () => {
    const fx = makeGitFixture();
    commitFile(fx, 'package.json', '{\n  "name": "acme-web",\n  "private": true\n}\n');
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/package\.json/);
    expect(r.stderr).toMatch(/version/);
  });

  it('names package.json:line:column and its version field when the version is not semver (exit 2)', async () => {
    const fx = makeGitFixture();
    commitFile(fx, 'package.json', '{\n  "name": "acme-web",\n  "version": "2.6"\n}\n');
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/package\.json:3:15 version: version "2\.6" is not a semantic version/);
  });

  it('blocks a CHANGELOG without an Unreleased section (exit 3)', async () => {
    const fx = makeGitFixture();
    commitFile(fx, 'CHANGELOG.md', changelogText().replace('## [Unreleased]\n\n### Added\n\n- Export API for orders (#214)\n\n### Fixed\n\n- Crash when the cart is empty (#219)\n\n', ''));
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toMatch(/CHANGELOG\.md/);
    expect(r.stderr).toMatch(/Unreleased/);
  });

  it('blocks when the next version tag already exists on the remote at another commit (exit 3)', async () => {
    const fx = makeGitFixture();
    git(fx, fx.app, 'tag', '-a', 'v2.7.0', '-m', 'stray', 'v2.6.0');
    git(fx, fx.app, 'push', '-q', 'origin', 'refs/tags/v2.7.0');
    git(fx, fx.app, 'tag', '-d', 'v2.7.0');
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toMatch(/Tag v2\.7\.0 already exists on origin/);
  });

  it('blocks a dirty work tree and names the changed file (exit 3)', async () => {
    const fx = makeGitFixture();
    writeFileSync(join(fx.app, 'server.js'), "console.log('edited');\n");
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toMatch(/uncommitted changes in server\.js/);
  });

  it('blocks a detached HEAD and says how to get back on main (exit 3)', async () => {
    const fx = makeGitFixture();
    git(fx, fx.app, 'checkout', '-q', '--detach', 'HEAD');
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toMatch(/HEAD is detached at [0-9a-f]{7}, not main: run git switch main/);
  });

  it('blocks when the remote cannot be reached and says to check its URL (exit 3)', async () => {
    const fx = makeGitFixture();
    git(fx, fx.app, 'remote', 'set-url', 'origin', join(fx.root, 'missing.git'));
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(3);
    expect(r.stderr).toMatch(/cannot reach origin/);
  });

  it('fails a push the remote rejects for main with no tag on the remote (exit 1)', async () => {
    const fx = makeGitFixture();
    rejectRefs(fx, ['refs/heads/main']);
    const r = await promoteUnchanged(fx);
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/origin rejected the push of main and v2\.7\.0; nothing was pushed/);
  });
});
