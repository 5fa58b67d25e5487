// Keeps a work dir on the commit a bare origin's production branch points to: polls the ref
// and, when it moves, checks that exact commit out and calls onMove (which reloads the service).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';

export interface FollowOptions {
  /** Path (or URL) of the bare origin. */
  origin: string;
  branch: string;
  workDir: string;
  intervalMs?: number;
  onMove: (commit: string) => Promise<void>;
  onError?: (error: unknown) => void;
}

/** Returns the commit production points to (null while the branch does not exist), checked out in workDir. */
export async function syncToProduction(origin: string, branch: string, workDir: string): Promise<string | null> {
  const commit = await git(['--git-dir', origin, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]).catch(() => null);
  if (!commit) return null;
  if (!existsSync(join(workDir, '.git'))) await git(['clone', '--quiet', '--no-checkout', origin, workDir]);
  await git(['fetch', '--quiet', '--force', origin, `+refs/heads/${branch}:refs/remotes/origin/${branch}`], workDir);
  await git(['checkout', '--quiet', '--force', '--detach', commit], workDir);
  await git(['clean', '--quiet', '-d', '--force'], workDir);
  return commit;
}

export function followProductionBranch(options: FollowOptions, initialCommit: string | null): { stop(): void } {
  let current = initialCommit;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void git(['--git-dir', options.origin, 'rev-parse', '--verify', '--quiet', `refs/heads/${options.branch}^{commit}`])
      .catch(() => null)
      .then(async (commit) => {
        if (!commit || commit === current) return;
        const checkedOut = await syncToProduction(options.origin, options.branch, options.workDir);
        if (!checkedOut) return;
        current = checkedOut;
        await options.onMove(checkedOut);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
