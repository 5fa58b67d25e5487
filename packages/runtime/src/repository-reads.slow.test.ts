// Core's batched repository reads (one `git rev-parse` for the layout and HEAD, one
// `git rev-list --left-right --count` for both directions, the identity asked once) against
// real git repositories through the real exec port, counting the git processes each starts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Core's source, not its build: these tests run without a prior `tsc -b`.
import type { CoreContext } from '../../core/src/context.js';
import { openRepository, readRepositoryLayout } from '../../core/src/git/repository.js';
import { createNodeContext } from './index.js';

function repo(): { dir: string; env: Record<string, string>; git: (...args: string[]) => string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-repo-reads-')));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Test\n\temail = test@example.com\n');
  const env = { ...(process.env as Record<string, string>), HOME: home, GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
  const work = join(dir, 'work');
  mkdirSync(work);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  return { dir: work, env, git };
}

/** A real context that records every program it starts. */
function countingContext(env: Record<string, string>): { ctx: CoreContext; calls: string[][] } {
  const real = createNodeContext({ emit: () => {}, env });
  const calls: string[][] = [];
  return { ctx: { ...real, exec: (command, args, options) => (calls.push([command, ...args]), real.exec(command, args, options)) }, calls };
}

describe('batched repository reads', () => {
  it('reads the top level, git dir, prefix and HEAD in one git call, from a subdirectory too', async () => {
    const r = repo();
    mkdirSync(join(r.dir, 'packages', 'app'), { recursive: true });
    writeFileSync(join(r.dir, 'packages', 'app', 'a.txt'), 'a\n');
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'first');
    const { ctx, calls } = countingContext(r.env);
    const sub = join(r.dir, 'packages', 'app');
    const { layout } = await readRepositoryLayout(ctx, sub);
    expect(layout).toEqual({ topLevel: r.dir, gitDir: join(r.dir, '.git'), prefix: 'packages/app/', head: r.git('rev-parse', 'HEAD') });
    const repository = openRepository(ctx, sub, 'origin', layout!);
    expect(await repository.gitDir()).toBe(join(r.dir, '.git'));
    expect(await repository.pathInRepository()).toBe('packages/app');
    expect(calls).toHaveLength(1);
  });

  it('says a work tree without commits has no HEAD, and a directory outside any work tree has no layout', async () => {
    const r = repo();
    const { ctx } = countingContext(r.env);
    expect((await readRepositoryLayout(ctx, r.dir)).layout).toEqual({ topLevel: r.dir, gitDir: join(r.dir, '.git'), prefix: '', head: null });
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-not-a-repo-')));
    const result = await readRepositoryLayout(ctx, outside);
    expect(result.layout).toBeNull();
    expect(result.stderr).toMatch(/not a git repository/);
  });

  it('counts the commits only on each side of two refs in one walk', async () => {
    const r = repo();
    r.git('commit', '-q', '--allow-empty', '-m', 'base');
    r.git('branch', 'other');
    r.git('commit', '-q', '--allow-empty', '-m', 'main 1');
    r.git('commit', '-q', '--allow-empty', '-m', 'main 2');
    r.git('switch', '-q', 'other');
    r.git('commit', '-q', '--allow-empty', '-m', 'other 1');
    r.git('switch', '-q', 'main');
    const { ctx, calls } = countingContext(r.env);
    const repository = openRepository(ctx, r.dir, 'origin');
    expect(await repository.countBothWays('HEAD', 'other')).toEqual({ onlyA: 2, onlyB: 1 });
    expect(await repository.countBothWays('HEAD', 'HEAD')).toEqual({ onlyA: 0, onlyB: 0 });
    expect(calls).toHaveLength(2);
  });

  it('asks for the committer identity once per repository', async () => {
    const r = repo();
    const { ctx, calls } = countingContext(r.env);
    const repository = openRepository(ctx, r.dir, 'origin');
    expect(await repository.hasIdentity()).toBe(true);
    expect(await repository.hasIdentity()).toBe(true);
    expect(calls.filter((c) => c.includes('user.email'))).toHaveLength(1);
  });
});
