// Issue 17: a monorepo like headlessui — two packages with their own CHANGELOG, package.json and
// package-lock.json, scoped tag prefixes (`@headlessui/react@v`), one bare origin — released twice
// in a row through the built CLI. Each package counts only the commits that change files under
// it; every file after each release is compared whole, byte for byte.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEnv, git } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

const CORE_FIXTURES = new URL('../../../../packages/core/src/', import.meta.url);
const real = (path: string) => readFileSync(new URL(path, CORE_FIXTURES), 'utf8');
const own = (name: string) => readFileSync(new URL(`./fixtures/headlessui/${name}`, import.meta.url), 'utf8');

interface Package {
  key: 'react' | 'vue';
  dir: string;
  prefix: string;
  version: string;
  changelog: string;
  packageJson: string;
  lockfile: string;
}

const REACT_STATE = `# Spec-Flow state of the React package's feature
workflow:
  phase: "ship:validate-staging"
  completed_phases: [spec, plan, implement, "ship:ship-staging"]
  manual_gates:
    staging_validation:
      status: approved
      approved_by: Robin Malfait
      approved_at: 2026-11-28T10:00:00Z
quality_gates:
  rollback_capability:
    passed: true
`;

function shipgateYaml(pkg: Package, gates: string): string {
  return `project: headlessui-${pkg.key}
version:
  files: [package.json, package-lock.json]
  tagPrefix: "${pkg.prefix}"
deploy:
  provider: git-branch
  branch: production-${pkg.key}
${gates}`;
}

/** The local date the CLI writes into the CHANGELOG (this process shares its time zone). */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Replaces `from` (present exactly once) by `to`. */
function once(text: string, from: string, to: string): string {
  expect(text.split(from), `expected exactly one ${JSON.stringify(from)}`).toHaveLength(2);
  return text.replace(from, to);
}

describe('shipgate promote in a monorepo with scoped tag prefixes, twice per package', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-monorepo-'));
  const home = join(root, 'home');
  const origin = join(root, 'origin.git');
  const work = join(root, 'headlessui');
  // a fixed committer date makes the tag's own time recognisable in state.yaml
  const env = { ...fixtureEnv(home), GIT_COMMITTER_DATE: '2026-11-29T08:15:30+01:00' };
  const fx = { env };
  const run = (cwd: string, ...args: string[]) => git(fx, cwd, ...args);
  const react: Package = {
    key: 'react',
    dir: join(work, 'packages', '@headlessui-react'),
    prefix: '@headlessui/react@v',
    version: '2.2.10',
    changelog: real('changelog/fixtures/headlessui-react-CHANGELOG.md'),
    packageJson: own('react-package.json'),
    lockfile: real('version/fixtures/headlessui-react-package-lock.json'),
  };
  const vue: Package = {
    key: 'vue',
    dir: join(work, 'packages', '@headlessui-vue'),
    prefix: '@headlessui/vue@v',
    version: '1.7.22',
    changelog: real('changelog/fixtures/headlessui-vue-CHANGELOG.md'),
    packageJson: own('vue-package.json'),
    lockfile: real('version/fixtures/headlessui-vue-package-lock.json'),
  };
  const dates: string[] = [];

  /** A commit that changes one file (relative to the repository root) with a message. */
  function change(file: string, content: string, message: string): string {
    mkdirSync(join(work, file, '..'), { recursive: true });
    writeFileSync(join(work, file), content);
    run(work, 'add', '--', file);
    run(work, 'commit', '-q', '-m', message);
    return run(work, 'rev-parse', '--short=7', 'HEAD');
  }

  async function plan(pkg: Package): Promise<Record<string, unknown>> {
    const r = await runCli(['plan', '--json'], { cwd: pkg.dir, env });
    expect(r.code, explain(r)).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  async function promote(pkg: Package): Promise<void> {
    dates.push(localDate());
    const r = await runCli(['promote', '--yes', '--no-monitor'], { cwd: pkg.dir, env, timeoutMs: 90_000 });
    dates.push(localDate());
    expect(r.code, explain(r)).toBe(0);
  }

  /** A file of a package as the remote holds it at a tag. */
  const atTag = (pkg: Package, tag: string, file: string) => run(origin, 'show', `refs/tags/${tag}:packages/@headlessui-${pkg.key}/${file}`) + '\n';
  const date = () => dates.at(-1) ?? localDate();

  beforeAll(() => {
    mkdirSync(home);
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Fixture\n\temail = fixture@example.com\n[init]\n\tdefaultBranch = main\n');
    run(root, 'init', '-q', '--bare', '-b', 'main', origin);
    run(root, 'init', '-q', '-b', 'main', work);
    run(work, 'remote', 'add', 'origin', origin);
    writeFileSync(join(work, 'package.json'), '{\n  "name": "headlessui",\n  "private": true,\n  "workspaces": ["packages/*"]\n}\n');
    for (const pkg of [react, vue]) {
      mkdirSync(join(pkg.dir, 'src'), { recursive: true });
      writeFileSync(join(pkg.dir, 'CHANGELOG.md'), pkg.changelog);
      writeFileSync(join(pkg.dir, 'package.json'), pkg.packageJson);
      writeFileSync(join(pkg.dir, 'package-lock.json'), pkg.lockfile);
      writeFileSync(join(pkg.dir, 'src', 'index.ts'), 'export {};\n');
    }
    mkdirSync(join(react.dir, 'specs', '001-dialog-focus'), { recursive: true });
    writeFileSync(join(react.dir, 'specs', '001-dialog-focus', 'state.yaml'), REACT_STATE);
    writeFileSync(join(react.dir, '.shipgate.yaml'), shipgateYaml(react, ''));
    writeFileSync(join(vue.dir, '.shipgate.yaml'), shipgateYaml(vue, 'gates:\n  stagingValidation: false\n  rollback: false\n'));
    run(work, 'add', '-A');
    run(work, 'commit', '-q', '-m', 'chore: release 2.2.10 - @headlessui/react, 1.7.22 - @headlessui/vue');
    run(work, 'tag', '-a', `${vue.prefix}1.7.22`, '-m', '1.7.22');
    run(work, 'tag', '-a', `${react.prefix}2.2.10`, '-m', '2.2.10');
    run(work, 'push', '-q', 'origin', 'main', '--follow-tags');
    run(work, 'push', '-q', 'origin', 'main:production-react', 'main:production-vue');
  });

  it('releases each package from its own commits, twice, leaving every other byte alone', async () => {
    // round 1: a React fix, a Vue feature (the example) and a root-only change
    const reactFix = change('packages/@headlessui-react/src/dialog.ts', 'export const restoreFocus = true;\n', 'fix(react): restore focus after closing the Dialog');
    change('packages/@headlessui-vue/src/combobox.ts', 'export const virtual = true;\n', 'feat(vue): add virtual option support to Combobox');
    change('jest.config.cjs', 'module.exports = {};\n', 'chore: share the jest config');
    run(work, 'push', '-q', 'origin', 'main');

    const reactPlan = await plan(react);
    expect(reactPlan).toMatchObject({
      currentVersion: '2.2.10',
      nextVersion: '2.2.11',
      bump: 'patch',
      bumpSource: 'commits',
      tag: '@headlessui/react@v2.2.11',
      commitFilter: { path: 'packages/@headlessui-react', counted: 1, leftOut: 2 },
      blocked: false,
    });
    expect(reactPlan.reasons).toEqual([{ bump: 'patch', commit: reactFix, subject: 'fix(react): restore focus after closing the Dialog', note: expect.any(String) as string }]);
    const text = await runCli(['plan'], { cwd: react.dir, env });
    expect(text.stdout).toContain('commits under packages/@headlessui-react/ count: 1; 2 elsewhere in the repository left out');

    await promote(react);
    const reactTag1 = '@headlessui/react@v2.2.11';
    const reactEntry1 = `### Fixed\n\n- **react:** restore focus after closing the Dialog (${reactFix})\n`;
    const reactChangelog1 = once(
      once(react.changelog, '## [2.2.10] - 2026-04-07', `## [2.2.11] - ${date()}\n\n${reactEntry1}\n## [2.2.10] - 2026-04-07`),
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.10...HEAD\n',
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.11...HEAD\n' +
        '[2.2.11]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.10...@headlessui/react@v2.2.11\n',
    );
    expect(atTag(react, reactTag1, 'CHANGELOG.md')).toBe(reactChangelog1);
    expect(atTag(react, reactTag1, 'package.json')).toBe(once(react.packageJson, '"version": "2.2.10"', '"version": "2.2.11"'));
    expect(atTag(react, reactTag1, 'package-lock.json')).toBe(react.lockfile.replaceAll('"version": "2.2.10"', '"version": "2.2.11"'));
    expect(react.lockfile.split('"version": "2.2.10"')).toHaveLength(3); // top-level and packages[""]
    expect(atTag(vue, reactTag1, 'CHANGELOG.md')).toBe(vue.changelog);
    expect(run(origin, 'for-each-ref', '--format=%(contents)', `refs/tags/${reactTag1}`)).toBe(`Release ${reactTag1}\n\n${reactEntry1.trimEnd()}`);
    expect(run(origin, 'rev-parse', 'refs/heads/production-react')).toBe(run(origin, 'rev-parse', `refs/tags/${reactTag1}^{commit}`));
    // state.yaml records the tag's own time, not the release's start
    const state = parse(readFileSync(join(react.dir, 'specs', '001-dialog-focus', 'state.yaml'), 'utf8')) as { deployment: { production: Record<string, unknown> } };
    expect(state.deployment.production).toMatchObject({ version: '2.2.11', tag: reactTag1 });
    expect(state.deployment.production.tag_created_at).toBe(run(origin, 'for-each-ref', '--format=%(creatordate:iso-strict)', `refs/tags/${reactTag1}`));
    expect(state.deployment.production.tag_created_at).toBe('2026-11-29T08:15:30+01:00');

    // the Vue package: its written entries and its feat count, React's release commits do not
    const vuePlan = await plan(vue);
    expect(vuePlan).toMatchObject({
      currentVersion: '1.7.22',
      nextVersion: '1.8.0',
      bump: 'minor',
      bumpSource: 'commits+changelog',
      tag: '@headlessui/vue@v1.8.0',
      commitFilter: { path: 'packages/@headlessui-vue', counted: 1, leftOut: 4 },
    });
    await promote(vue);
    const vueTag1 = '@headlessui/vue@v1.8.0';
    const vueChangelog1 = once(
      once(vue.changelog, '### Added\n\n- Add `immediate` prop', `## [1.8.0] - ${date()}\n\n### Added\n\n- Add \`immediate\` prop`),
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vu@v1.7.22...HEAD\n',
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.8.0...HEAD\n' +
        '[1.8.0]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.7.22...@headlessui/vue@v1.8.0\n',
    );
    expect(atTag(vue, vueTag1, 'CHANGELOG.md')).toBe(vueChangelog1);
    expect(atTag(vue, vueTag1, 'package-lock.json')).toBe(vue.lockfile.replaceAll('"version": "1.7.22"', '"version": "1.8.0"'));
    expect(atTag(react, vueTag1, 'CHANGELOG.md')).toBe(reactChangelog1);

    // round 2: each package once more, from its own new commits
    const reactFeat = change('packages/@headlessui-react/src/popover.ts', 'export const anchor = true;\n', 'feat(react): add anchor prop to Popover');
    const vueFix = change('packages/@headlessui-vue/src/listbox.ts', 'export const closeOnBlur = true;\n', 'fix(vue): close the Listbox on blur');
    run(work, 'push', '-q', 'origin', 'main');

    expect(await plan(react)).toMatchObject({ nextVersion: '2.3.0', bump: 'minor', commitFilter: { path: 'packages/@headlessui-react', counted: 2, leftOut: 3 } });
    await promote(react);
    const reactTag2 = '@headlessui/react@v2.3.0';
    const reactEntry2 = `### Added\n\n- **react:** add anchor prop to Popover (${reactFeat})\n`;
    const reactChangelog2 = once(
      once(reactChangelog1, '## [2.2.11]', `## [2.3.0] - ${date()}\n\n${reactEntry2}\n## [2.2.11]`),
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.11...HEAD\n',
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.3.0...HEAD\n' +
        '[2.3.0]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.11...@headlessui/react@v2.3.0\n',
    );
    expect(atTag(react, reactTag2, 'CHANGELOG.md')).toBe(reactChangelog2);
    expect(atTag(react, reactTag2, 'package-lock.json')).toBe(react.lockfile.replaceAll('"version": "2.2.10"', '"version": "2.3.0"'));

    expect(await plan(vue)).toMatchObject({ nextVersion: '1.8.1', bump: 'patch', bumpSource: 'commits', commitFilter: { path: 'packages/@headlessui-vue', counted: 2, leftOut: 3 } });
    await promote(vue);
    const vueTag2 = '@headlessui/vue@v1.8.1';
    const vueEntry2 = `### Fixed\n\n- **vue:** close the Listbox on blur (${vueFix})\n`;
    const vueChangelog2 = once(
      once(vueChangelog1, '## [Unreleased]\n\n## [1.8.0]', `## [Unreleased]\n\n## [1.8.1] - ${date()}\n\n${vueEntry2}\n## [1.8.0]`),
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.8.0...HEAD\n',
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.8.1...HEAD\n' +
        '[1.8.1]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.8.0...@headlessui/vue@v1.8.1\n',
    );
    expect(atTag(vue, vueTag2, 'CHANGELOG.md')).toBe(vueChangelog2);
    expect(atTag(vue, vueTag2, 'package.json')).toBe(once(vue.packageJson, '"version": "1.7.22"', '"version": "1.8.1"'));
    expect(atTag(react, vueTag2, 'CHANGELOG.md')).toBe(reactChangelog2);

    // one tag per release, scoped, annotated; both deploy branches on their own release
    expect(run(origin, 'tag', '--list').split('\n').sort()).toEqual(
      ['@headlessui/react@v2.2.10', reactTag1, reactTag2, '@headlessui/vue@v1.7.22', vueTag1, vueTag2].sort(),
    );
    expect(run(origin, 'rev-parse', 'refs/heads/production-react')).toBe(run(origin, 'rev-parse', `refs/tags/${reactTag2}^{commit}`));
    expect(run(origin, 'rev-parse', 'refs/heads/production-vue')).toBe(run(origin, 'rev-parse', `refs/tags/${vueTag2}^{commit}`));
    expect(run(work, 'status', '--porcelain')).toBe('');
  }, 600_000);
});
