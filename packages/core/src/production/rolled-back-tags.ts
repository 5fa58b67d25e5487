// Which releases were rolled back, read from the history's own records: every rollback (an
// automatic one in a release, or `shipgate rollback`) commits `docs(ship): roll back vX to vY`.
// A rolled-back release is no place to return to.
import { gitCommands } from '../git/git-commands.js';
import type { Repository } from '../git/repository.js';

/**
 * The releases that were rolled back, from the records in the history: every rollback commits
 * `docs(ship): roll back vX to vY` (older records wrote bare versions).
 */
export async function rolledBackTags(repo: Repository, prefix: string): Promise<Set<string>> {
  const subjects = await repo.git.try(gitCommands.recentSubjects(2000));
  const tags = new Set<string>();
  for (const subject of subjects.stdout.split('\n')) {
    const from = /^docs\(ship\): roll back (\S+) to /.exec(subject)?.[1];
    if (from) tags.add(tagName(from, prefix));
  }
  return tags;
}

/** `2.7.0` or `v2.7.0` → the tag `v2.7.0` (for tag prefix `v`). */
export function tagName(versionOrTag: string, prefix: string): string {
  return versionOrTag.startsWith(prefix) ? versionOrTag : `${prefix}${versionOrTag}`;
}
