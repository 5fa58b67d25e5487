// The plan-time deploy gates failing against the real world: a real `sh` looking for the
// command's program, and a real git dry-run push to a remote that is behind or missing.
// (Their passing side runs in every CLI test; this file shows what a user sees when they fail.)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Core's source, not its build: these tests run without a prior `tsc -b`.
import type { DeployConfig } from '../../core/src/config/config-types.js';
import type { CoreContext } from '../../core/src/context.js';
import { commandPreflight } from '../../core/src/deploy/command-preflight.js';
import type { PreflightInput } from '../../core/src/deploy/deploy-provider.js';
import { gitBranchPreflight } from '../../core/src/deploy/git-branch-preflight.js';
import { createNodeContext } from './index.js';

let dir: string;
let ctx: CoreContext;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-preflight-'));
  ctx = createNodeContext({ emit: () => {}, env: { ...process.env } });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function input(config: DeployConfig, repoDir = dir): PreflightInput {
  return { repoDir, remote: 'origin', mainBranch: 'main', config, ctx };
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('command provider gate', () => {
  it('fails naming deploy.command when its program is not installed', async () => {
    const [gate] = await commandPreflight(input({ provider: 'command', command: 'deploy-tool-that-is-not-here --prod', timeoutSeconds: 60 }));
    expect(gate).toMatchObject({ id: 'deploy-provider', status: 'fail', evidence: { field: 'deploy.command', value: 'deploy-tool-that-is-not-here' } });
    expect(gate?.detail).toBe('deploy.command: "deploy-tool-that-is-not-here" is not a command here (not on PATH, not an executable file): install it, or fix deploy.command');
  });

  it('fails naming deploy.rollbackCommand when only the rollback program is missing', async () => {
    const [gate] = await commandPreflight(input({ provider: 'command', command: 'FOO=1 sh -c true', rollbackCommand: './scripts/missing-rollback.sh', timeoutSeconds: 60 }));
    expect(gate).toMatchObject({ status: 'fail', evidence: { field: 'deploy.rollbackCommand', value: './scripts/missing-rollback.sh' } });
  });

  it('passes with the path each program resolves to', async () => {
    const [gate] = await commandPreflight(input({ provider: 'command', command: 'sh -c true', rollbackCommand: 'git --version', timeoutSeconds: 60 }));
    expect(gate?.status).toBe('pass');
    expect(gate?.detail).toMatch(/^sh → \/\S+; git → \/\S+$/);
  });
});

describe('git-branch provider gate', () => {
  async function repoWithOrigin(): Promise<{ work: string; origin: string }> {
    const origin = join(dir, 'origin.git');
    const work = join(dir, 'work');
    git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
    git(dir, 'clone', '-q', origin, work);
    git(work, 'commit', '-q', '--allow-empty', '-m', 'first');
    git(work, 'push', '-q', 'origin', 'HEAD:main');
    return { work, origin };
  }

  it('fails before any push when the remote has moved on (non-fast-forward), saying what to check', async () => {
    const { work, origin } = await repoWithOrigin();
    const other = join(dir, 'other');
    git(dir, 'clone', '-q', origin, other);
    git(other, 'commit', '-q', '--allow-empty', '-m', 'someone else');
    git(other, 'push', '-q', 'origin', 'HEAD:main');
    git(work, 'commit', '-q', '--allow-empty', '-m', 'ours');
    const remoteMain = git(origin, 'rev-parse', 'main');

    const [gate] = await gitBranchPreflight(input({ provider: 'git-branch', branch: 'production' }, work));
    expect(gate?.status).toBe('fail');
    expect(gate?.detail).toContain('origin refuses a dry-run push of HEAD to main: ');
    expect(gate?.detail).toContain('git remote get-url --push origin');
    expect(git(origin, 'rev-parse', 'main')).toBe(remoteMain); // a dry run moved nothing
  });

  it('fails when the push URL does not exist', async () => {
    const { work } = await repoWithOrigin();
    git(work, 'remote', 'set-url', '--push', 'origin', join(dir, 'gone.git'));
    const [gate] = await gitBranchPreflight(input({ provider: 'git-branch', branch: 'production' }, work));
    expect(gate?.status).toBe('fail');
    expect(gate?.detail).toMatch(/^origin refuses a dry-run push of HEAD to main: .*gone\.git/);
  });

  it('passes when the remote accepts the push', async () => {
    const { work } = await repoWithOrigin();
    git(work, 'commit', '-q', '--allow-empty', '-m', 'ours');
    const [gate] = await gitBranchPreflight(input({ provider: 'git-branch', branch: 'production' }, work));
    expect(gate).toMatchObject({ status: 'pass', detail: 'a dry-run push of HEAD to origin/main is accepted' });
  });
});
