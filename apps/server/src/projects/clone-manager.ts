// The server's own clones of each project's remote, in <dataDir>/clones/<project>/<purpose>.
// Before every plan and release a clone is fetched and hard-reset to the remote main branch,
// so a person's checkout is never read or written. One git operation per clone at a time.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectRow } from '../repositories/project-repository.js';
import { gitOrThrow } from './git.js';

export type ClonePurpose = 'plan' | 'release';

export interface CloneManager {
  dirOf(project: ProjectRow, purpose: ClonePurpose): string;
  /** Runs fn while holding the clone; fn decides when to call sync(). */
  withClone<T>(project: ProjectRow, purpose: ClonePurpose, fn: (dir: string) => Promise<T>): Promise<T>;
  sync(project: ProjectRow, dir: string): Promise<void>;
}

export function createCloneManager(dataDir: string): CloneManager {
  const queues = new Map<string, Promise<unknown>>();
  const dirOf = (project: ProjectRow, purpose: ClonePurpose) => join(dataDir, 'clones', project.id, purpose);
  return {
    dirOf,
    withClone(project, purpose, fn) {
      const dir = dirOf(project, purpose);
      const previous = queues.get(dir) ?? Promise.resolve();
      const run = previous.then(
        () => fn(dir),
        () => fn(dir),
      );
      const settled = run.catch(() => undefined);
      queues.set(dir, settled);
      void settled.then(() => queues.get(dir) === settled && queues.delete(dir));
      return run;
    },
    async sync(project, dir) {
      if (!existsSync(join(dir, '.git'))) {
        await mkdir(join(dir, '..'), { recursive: true });
        await gitOrThrow(join(dir, '..'), ['clone', '--quiet', '--origin', project.remoteName, project.remoteUrl, dir]);
        await gitOrThrow(dir, ['config', 'user.name', 'Shipgate']);
        await gitOrThrow(dir, ['config', 'user.email', 'shipgate@localhost']);
        await gitOrThrow(dir, ['config', 'commit.gpgsign', 'false']);
        await gitOrThrow(dir, ['config', 'tag.gpgSign', 'false']);
      }
      // --prune-tags drops local tags the remote does not have (left by an interrupted run)
      await gitOrThrow(dir, ['fetch', '--quiet', '--prune', '--prune-tags', '--tags', '--force', project.remoteName]);
      const remoteMain = `${project.remoteName}/${project.mainBranch}`;
      await gitOrThrow(dir, ['checkout', '--quiet', '--force', '-B', project.mainBranch, remoteMain]);
      await gitOrThrow(dir, ['reset', '--quiet', '--hard', remoteMain]);
      await gitOrThrow(dir, ['clean', '-fdxq']);
    },
  };
}
