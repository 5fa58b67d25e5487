// Where the CLI works: from a subdirectory it finds the project, a --dir that does not exist
// is named as such, and a rollback to what production already runs is refused.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture, remoteRef } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

describe('the project directory', () => {
  it('plans from a subdirectory of the project, saying which project it uses', async () => {
    const fx = makeGitFixture();
    const r = await runCli(['plan', '--json'], { cwd: fx.specDir, env: fx.env });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stderr).toContain(`using the project at ${fx.app}`);
    expect(JSON.parse(r.stdout)).toMatchObject({ nextVersion: '2.7.0', blocked: false });
  });

  it('finds the nearest .shipgate.yaml below the repository root (an app inside a monorepo)', async () => {
    const fx = makeGitFixture();
    const site = join(fx.app, 'packages', 'site');
    mkdirSync(join(site, 'src'), { recursive: true });
    writeFileSync(join(site, '.shipgate.yaml'), 'project: site\ngates:\n  stagingValidation: false\n  rollback: false\n');
    writeFileSync(join(site, 'package.json'), '{ "name": "site", "version": "0.3.0" }\n');
    writeFileSync(join(site, 'src', 'index.js'), 'export {};\n');
    git(fx, fx.app, 'add', '-A');
    git(fx, fx.app, 'commit', '-q', '-m', 'feat(site): a second app in the repository');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const r = await runCli(['plan', '--json'], { cwd: join(site, 'src'), env: fx.env });
    expect(r.stderr).toContain(`using the project at ${site}`);
    expect(JSON.parse(r.stdout)).toMatchObject({ project: 'site', currentVersion: '0.3.0' });
  });

  it('names a --dir that does not exist (exit 2)', async () => {
    const fx = makeGitFixture();
    const r = await runCli(['plan', '--dir', join(fx.root, 'no-such-app')], { cwd: fx.root, env: fx.env });
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/no-such-app does not exist/);
  });

  it('refuses to roll back to the release production already runs, changing nothing', async () => {
    const fx = makeGitFixture();
    const production = remoteRef(fx, 'refs/heads/production');
    const r = await runCli(['rollback', '--yes', '--to', 'v2.6.0', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/production already runs v2\.6\.0/);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(production);
    expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
  });
});
