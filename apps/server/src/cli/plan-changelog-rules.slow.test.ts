// Issue 17 through the built CLI: what the plan says about CHANGELOGs as people write them —
// a placeholder, entries without a category, both sources counting, an unlisted lockfile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

async function planJson(fx: GitFixture) {
  const result = await runCli(['plan', '--dir', fx.app, '--json'], { cwd: fx.app, env: fx.env });
  return { result, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

const shortHead = (fx: GitFixture) => git(fx, fx.app, 'rev-parse', '--short=7', 'HEAD');

describe.concurrent('shipgate plan reads the CHANGELOGs people write', () => {
  it('blocks entries without a category on their own, saying they decide nothing (exit 3)', async () => {
    const fx = makeGitFixture({ unreleased: '- Require Node JS 20+.\n', commits: ['chore: bump the dev dependencies'] });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(3);
    expect(json).toMatchObject({ nextVersion: null, blocked: true });
    expect(String((json.blockers as string[])[0])).toMatch(
      /^Nothing to release: no feat, fix, perf or breaking commit since v2\.6\.0 and the entry under "## \[Unreleased\]" in CHANGELOG\.md has no ### category, so it decides nothing by itself/,
    );
  });

  it('keeps entries without a category as the release notes when a commit decides the bump', async () => {
    const fx = makeGitFixture({ unreleased: '- Require Node JS 20+.\n', commits: ['fix(cli): exit 2 on unknown options'] });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(json).toMatchObject({ nextVersion: '2.6.1', bump: 'patch', bumpSource: 'commits', changelog: '- Require Node JS 20+.\n' });
  });

  it('replaces a lone "- Nothing yet!" by entries generated from the commits, giving the placeholder no reason', async () => {
    const fx = makeGitFixture({ unreleased: '- Nothing yet!\n', commits: ['fix(sort): classes in Liquid tags'] });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(json).toMatchObject({ nextVersion: '2.6.1', changelog: `### Fixed\n\n- **sort:** classes in Liquid tags (${shortHead(fx)})\n` });
    expect((json.reasons as Array<{ entry?: string }>).some((r) => r.entry !== undefined)).toBe(false);
  });

  it('says both sources when two fixes and a ### Removed entry count (dotenv)', async () => {
    const fx = makeGitFixture({
      unreleased: '### Removed\n\n* Remove .env.vault support ([#1033](https://github.com/motdotla/dotenv/pull/1033))\n',
      commits: ['fix: parse multiline values', 'fix(cli): honour --override'],
    });
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(json).toMatchObject({ currentVersion: '2.6.0', nextVersion: '3.0.0', bump: 'major', bumpSource: 'commits+changelog' });
  });

  it('warns when a package-lock.json beside package.json is not a version file', async () => {
    const fx = makeGitFixture();
    writeFileSync(join(fx.app, 'package-lock.json'), '{\n  "name": "acme-web",\n  "version": "2.6.0",\n  "lockfileVersion": 3,\n  "packages": { "": { "version": "2.6.0" } }\n}\n');
    git(fx, fx.app, 'add', 'package-lock.json');
    git(fx, fx.app, 'commit', '-q', '-m', 'build: commit the lockfile');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const { result, json } = await planJson(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(json.warnings).toContain(
      'package-lock.json holds the version too but is not in version.files, so it will still say the old version: list it (version.files: [package.json, package-lock.json])',
    );
  });
});
