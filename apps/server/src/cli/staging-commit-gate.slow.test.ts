// CONTRACT §3.1: what is promoted is what staging validated. With
// deployment.staging.commit_sha in state.yaml, code committed after it fails the
// staging-validation gate (each commit listed); specs/ and Markdown commits pass;
// --allow-unvalidated REASON overrides and the ship report says who and why.
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture, remoteRef, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

interface Gate {
  id: string;
  status: string;
  detail: string;
  evidence?: { field?: string };
}

/** Records HEAD (or `sha`) as the commit staging validated, in a specs-only commit, and pushes. */
function recordStagingCommit(fx: GitFixture, sha = git(fx, fx.app, 'rev-parse', 'HEAD')): string {
  const file = join(fx.specDir, 'state.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    deployed: true\n', `    deployed: true\n    commit_sha: ${sha}\n`));
  commitFile(fx, 'specs/001-checkout-redesign/state.yaml', null, 'docs(spec): record the validated staging commit');
  return sha;
}

function commitFile(fx: GitFixture, path: string, content: string | null, message: string): string {
  if (content !== null) writeFileSync(join(fx.app, path), content);
  git(fx, fx.app, 'add', path);
  git(fx, fx.app, 'commit', '-qm', message);
  git(fx, fx.app, 'push', '-q', 'origin', 'main');
  return git(fx, fx.app, 'rev-parse', 'HEAD');
}

async function plan(fx: GitFixture, extra: string[] = []) {
  const result = await runCli(['plan', '--dir', fx.app, '--json', ...extra], { cwd: fx.app, env: fx.env });
  const json = JSON.parse(result.stdout) as { gates: Gate[]; blocked: boolean; blockers: string[]; unvalidated?: { by: string; reason: string } };
  return { result, json, gate: json.gates.find((g) => g.id === 'staging-validation')! };
}

describe.concurrent('the staging-validation gate checks the commit staging validated', () => {
  it('passes when only specs/ and Markdown changed after the staging commit', async () => {
    const fx = makeGitFixture();
    const staged = recordStagingCommit(fx);
    commitFile(fx, 'README.md', '# Acme\n', 'docs: readme');
    commitFile(fx, 'specs/001-checkout-redesign/notes.txt', 'notes\n', 'docs(spec): notes');
    const { result, gate } = await plan(fx);
    expect(result.code, explain(result)).toBe(0);
    expect(gate).toMatchObject({ status: 'pass', detail: expect.stringContaining(`staging validated ${staged.slice(0, 7)}; 3 later commit(s) change only specs/ or Markdown`) });
  });

  it('fails, listing each commit that changed code after it, and names the override', async () => {
    const fx = makeGitFixture();
    const staged = recordStagingCommit(fx);
    const code = commitFile(fx, 'server.js', "console.log('acme v2');\n", 'fix(server): log the version');
    commitFile(fx, 'CHANGES.md', '- notes\n', 'docs: notes');
    const config = commitFile(fx, 'config.json', '{}\n', 'chore: add config');
    const { result, json, gate } = await plan(fx);
    expect(result.code, explain(result)).toBe(3);
    expect(gate.status).toBe('fail');
    expect(gate.detail).toBe(
      `staging validated ${staged.slice(0, 7)}; 2 commits after it change code: ` +
        `${config.slice(0, 7)} chore: add config (config.json); ${code.slice(0, 7)} fix(server): log the version (server.js)` +
        ' — deploy HEAD to staging and validate it, or promote anyway with --allow-unvalidated REASON',
    );
    expect(gate.evidence).toMatchObject({ field: 'deployment.staging.commit_sha' });
    expect(json.blocked).toBe(true);
    // promote refuses too, and writes nothing
    const before = remoteRef(fx, 'refs/heads/main');
    const promote = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor'], { cwd: fx.app, env: fx.env });
    expect(promote.code, explain(promote)).toBe(3);
    expect(promote.stderr).toContain('2 commits after it change code');
    expect(remoteRef(fx, 'refs/heads/main')).toBe(before);
  });

  it('fails when HEAD does not descend from the staging commit', async () => {
    const fx = makeGitFixture();
    git(fx, fx.app, 'checkout', '-qb', 'experiment');
    git(fx, fx.app, 'commit', '-q', '--allow-empty', '-m', 'feat: only on staging');
    const elsewhere = git(fx, fx.app, 'rev-parse', 'HEAD');
    git(fx, fx.app, 'checkout', '-q', 'main');
    recordStagingCommit(fx, elsewhere);
    const { result, gate } = await plan(fx);
    expect(result.code, explain(result)).toBe(3);
    expect(gate.detail).toMatch(new RegExp(`^staging validated ${elsewhere.slice(0, 7)}, which HEAD does not descend from`));
  });

  it('--allow-unvalidated REASON promotes anyway, and the ship report records who and why', async () => {
    const fx = makeGitFixture();
    recordStagingCommit(fx);
    const code = commitFile(fx, 'server.js', "console.log('acme v2');\n", 'fix(server): log the version');
    const env = { ...fx.env, USER: 'jane' };
    const usage = await runCli(['promote', '--dir', fx.app, '--yes', '--allow-unvalidated'], { cwd: fx.app, env });
    expect(usage.code, explain(usage)).toBe(2);
    expect(usage.stderr).toContain('--allow-unvalidated');
    const planned = await runCli(['plan', '--dir', fx.app, '--json', '--allow-unvalidated', 'hotfix for INC-42'], { cwd: fx.app, env });
    expect(planned.code, explain(planned)).toBe(0);
    expect(JSON.parse(planned.stdout)).toMatchObject({ blocked: false, unvalidated: { by: 'jane', reason: 'hotfix for INC-42' } });
    const r = await runCli(['promote', '--dir', fx.app, '--yes', '--no-monitor', '--allow-unvalidated', 'hotfix for INC-42'], { cwd: fx.app, env });
    expect(r.code, explain(r)).toBe(0);
    const report = git(fx, fx.app, 'show', 'HEAD:specs/001-checkout-redesign/production-ship-report.md');
    // the terminal's person: the login name, and an id naming the machine (as server releases carry oidc:/token: ids)
    expect(report).toContain(`- **Released by**: jane\n- **Actor ID**: cli:jane@${hostname()}\n`);
    expect(report).toContain(`> **Promoted without staging validation** by jane, because: hotfix for INC-42. staging validated`);
    expect(report).toContain(`${code.slice(0, 7)} fix(server): log the version (server.js)`);
    expect(report).toMatch(/\| Staging validation approved \| pass \| overridden by jane \("hotfix for INC-42"\)/);
  });
});
