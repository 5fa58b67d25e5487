// Replays a short stretch of real release history — the commit messages of
// semantic-release/commit-analyzer between its tags v6.3.3 → 7.0.0, v10.0.1 → 10.0.2 and
// v10.0.2 → 10.0.3 (the middle one abridged to three of its commits), verbatim — commit by commit in a real repository, and checks that
// `shipgate plan` decides the same kind of release semantic-release did at each tag.
// (The shas in "This reverts commit …" are rewritten to the replayed commits' shas.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitMessage, git, makeGitFixture, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

interface RealRelease {
  tag: string;
  bump: 'major' | 'minor' | 'patch';
  /** Oldest first, as `git log --reverse` shows them; `{sha:N}` is the sha of this list's N-th commit of an earlier release. */
  commits: Array<{ real: string; message: string }>;
}

const HISTORY: RealRelease[] = [
  {
    tag: 'v7.0.0-beta.1',
    bump: 'major',
    commits: [
      {
        real: 'fc9b28a',
        message:
          'feat: use globs instead of regexp for releases rules\n\n' +
          'BREAKING CHANGE: Regexp are not supported anymore for property matching in the `releaseRules` option.\n\n' +
          "Regex are replaced by [globs](https://github.com/micromatch/micromatch#matching-features). For example `/core-.*/` should be changed to `'core-*'`.\n",
      },
      { real: '12fa050', message: 'chore(package): update semantic-release to version 16.0.0-beta\n' },
    ],
  },
  {
    tag: 'v10.0.2',
    bump: 'patch',
    commits: [
      { real: 'd434bdb', message: 'chore(deps): update dependency semantic-release to v21.1.1 (#499)\n' },
      { real: 'b9c31b1', message: 'ci(action): update actions/checkout digest to f43a0e5 (#498)\n' },
      { real: '91cf4d5', message: 'fix(deps): update dependency conventional-commits-parser to v5 (#501)\n' },
    ],
  },
  {
    tag: 'v10.0.3',
    bump: 'patch',
    commits: [
      { real: '4bc6b44', message: 'chore(deps): update dependency conventional-changelog-atom to v4 (#502)\n' },
      { real: '0241e83', message: 'chore(deps): update dependency conventional-changelog-ember to v4 (#504)\n' },
      { real: 'b7ca0c1', message: 'chore(deps): update dependency conventional-changelog-conventionalcommits to v7 (#503)\n' },
      { real: 'b87c967', message: 'ci(matrix): prevent skipping the test job when test_matrix fails\n' },
      { real: '9842e8b', message: 'Revert "chore(deps): update dependency conventional-changelog-conventionalcommits to v7 (#503)"\n\nThis reverts commit {b7ca0c1}.\n' },
      { real: 'c48b533', message: 'Revert "chore(deps): update dependency conventional-changelog-ember to v4 (#504)"\n\nThis reverts commit {0241e83}.\n' },
      { real: 'f21eb8e', message: 'Revert "chore(deps): update dependency conventional-changelog-atom to v4 (#502)"\n\nThis reverts commit {4bc6b44}.\n' },
      // the revert of a fix released in 10.0.2: semantic-release made this 10.0.3
      { real: 'ab3ee9f', message: 'Revert "fix(deps): update dependency conventional-commits-parser to v5 (#501)"\n\nThis reverts commit {91cf4d5}.\n' },
    ],
  },
];

/** What semantic-release's own tag said, as the bump from the fixture's current version. */
function expectedNext(current: string, bump: RealRelease['bump']): string {
  const [major = 0, minor = 0, patch = 0] = current.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Releases like the real project did (a version commit and a tag), so the next range starts there. */
function tagRelease(fx: GitFixture, version: string): void {
  const path = join(fx.app, 'package.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`));
  git(fx, fx.app, 'commit', '-qam', `chore(release): ${version} [skip ci]`);
  git(fx, fx.app, 'tag', '-a', `v${version}`, '-m', `Release v${version}`);
  git(fx, fx.app, 'push', '-q', 'origin', 'main', `refs/tags/v${version}`);
}

describe('shipgate plan replays real semantic-release history', () => {
  it('decides the release semantic-release made at each real tag, commit by commit', async () => {
    const fx = makeGitFixture({ commits: [], unreleased: '' });
    const shas = new Map<string, string>();
    let current = '2.6.0';
    const decided: string[] = [];
    for (const release of HISTORY) {
      for (const { real, message } of release.commits) {
        const text = message.replace(/\{([0-9a-f]{7})\}/g, (_, short: string) => shas.get(short) ?? `missing-${short}`);
        expect(text, `replaying ${real}`).not.toMatch(/missing-/);
        shas.set(real, commitMessage(fx, text));
      }
      git(fx, fx.app, 'push', '-q', 'origin', 'main');
      const result = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
      expect(result.code, `${release.tag}: ${explain(result)}`).toBe(0);
      const plan = JSON.parse(result.stdout) as { bump: string; nextVersion: string };
      decided.push(`${release.tag}: ${plan.bump}`);
      expect(plan.nextVersion, release.tag).toBe(expectedNext(current, release.bump));
      current = plan.nextVersion;
      tagRelease(fx, current);
    }
    expect(decided).toEqual(HISTORY.map((r) => `${r.tag}: ${r.bump}`));
  }, 60_000);
});
