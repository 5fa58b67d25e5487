// A whole `shipgate promote` on a real repository, with signing forced on in every git
// config the user could have, then `shipgate rollback`: the built CLI, real git, real HTTP.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeGitFixture, remoteRef, type GitFixture } from './testing/git-fixture.js';
import { startHealthServer, type HealthServer } from './testing/health-server.js';
import { explain, runCli, type CliResult } from './testing/run-cli.js';

const SIGNING = '[commit]\n\tgpgSign = true\n[tag]\n\tgpgSign = true\n\tforceSignAnnotated = true\n[gpg]\n\tprogram = false\n';

describe('shipgate promote on a repository whose git config forces signing', () => {
  let health: HealthServer;
  let fx: GitFixture;
  let result: CliResult;
  let env: Record<string, string>;
  let stateBefore: string;

  beforeAll(async () => {
    health = await startHealthServer();
    fx = makeGitFixture({ healthUrl: health.url });
    appendFileSync(join(fx.home, '.gitconfig'), SIGNING);
    git(fx, fx.app, 'config', 'commit.gpgSign', 'true');
    git(fx, fx.app, 'config', 'tag.gpgSign', 'true');
    stateBefore = readFileSync(join(fx.specDir, 'state.yaml'), 'utf8');
    const { GIT_EDITOR: _editor, ...rest } = fx.env;
    env = { ...rest, EDITOR: 'false', VISUAL: 'false' };
    result = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env });
  });
  afterAll(async () => health?.close());

  it('succeeds without an editor or a signing prompt (stdin closed, EDITOR=false, gpg.program=false)', () => {
    expect(result.code, explain(result)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.7.0^{commit}'));
    expect(git(fx, fx.app, 'cat-file', '-t', 'v2.7.0')).toBe('tag');
    expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
  });

  it('keeps the ### headings of the CHANGELOG section verbatim in the annotated tag message', () => {
    const message = git(fx, fx.app, 'tag', '-l', '--format=%(contents)', 'v2.7.0');
    expect(message).toBe('Release v2.7.0\n\n### Added\n\n- Export API for orders (#214)\n\n### Fixed\n\n- Crash when the cart is empty (#219)');
  });

  it("writes a ship report with the seed's sections and the exact rollback commands", () => {
    const report = readFileSync(join(fx.specDir, 'production-ship-report.md'), 'utf8');
    for (const section of ['## Deployment Summary', '## Health Checks', '## Deployment Artifacts', '## Rollback Procedure', '## Monitoring']) expect(report).toContain(section);
    const previous = git(fx, fx.app, 'rev-parse', 'v2.6.0^{commit}');
    expect(report).toContain('shipgate rollback --to v2.6.0 --yes');
    expect(report).toContain(`origin ${previous}:refs/heads/production`);
    expect(report).toMatch(/\| deploy \| api-health \| http \| critical \| pass \| 200 /);
    expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): ship report for v2.7.0');
  });

  it('writes state.yaml back keeping its comments and the order of its keys', () => {
    const state = readFileSync(join(fx.specDir, 'state.yaml'), 'utf8');
    expect(state).toContain('# Spec-Flow workflow state (kept by hand in this fixture)');
    expect(state).toMatch(/passed: true +# rollback drill on staging/);
    const topKeys = (text: string) => text.split('\n').filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(topKeys(state).slice(0, topKeys(stateBefore).length)).toEqual(topKeys(stateBefore));
    expect(state).toMatch(/phase: "?ship:ship-prod"?/);
    expect(state).toMatch(/production:\n(\s+.*\n)*?\s+version: "?2\.7\.0"?/);
    expect(state).toMatch(/tag: "?v2\.7\.0"?/);
  });

  it('rolls production back to the previous tag with shipgate rollback and records the move in state.yaml', async () => {
    const r = await runCli(['rollback', '--dir', fx.app, '--yes'], { cwd: fx.app, env });
    expect(r.code, explain(r)).toBe(0);
    expect(remoteRef(fx, 'refs/heads/production')).toBe(git(fx, fx.app, 'rev-parse', 'v2.6.0^{commit}'));
    expect(remoteRef(fx, 'refs/tags/v2.7.0')).not.toBeNull();
    const state = readFileSync(join(fx.specDir, 'state.yaml'), 'utf8');
    expect(state).toMatch(/rollback_from: "?v?2\.7\.0"?/);
    expect(state).toMatch(/rollback_to: "?v?2\.6\.0"?/);
    expect(state).toMatch(/rollback_at: /);
    // the record describes the restored release only: v2.6.0's own tag date, deployed at the rollback
    const production = (parse(state) as { deployment: { production: Record<string, string> } }).deployment.production;
    expect(production.tag).toBe('v2.6.0');
    expect(production.tag_created_at).toBe(git(fx, fx.app, 'for-each-ref', '--format=%(creatordate:iso-strict)', 'refs/tags/v2.6.0'));
    expect(production.deployed_at).toBe(production.rollback_at);
    // recorded like an automatic rollback: tags on both sides
    expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v2.7.0 to v2.6.0');
    expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
  });
});
