// The journal of a `shipgate rollback` under way, in the repository's git dir next to the
// release journal: which release is rolled back to which, written before production moves
// and removed once the rollback's record is committed. A rollback killed mid-way (production
// moved, or not, with no record) is finished from it, instead of being refused ("production
// already runs vX") or rolled back one release further.
import { join } from 'node:path';
import type { CoreContext } from '../context.js';
import type { Repository } from '../git/repository.js';

export interface RollbackJournal {
  /** The release production ran when the rollback started (null when unknown). */
  from: string | null;
  /** The release tag production returns to. */
  to: string;
  startedAt: string;
}

async function rollbackJournalPath(repo: Repository): Promise<string> {
  return join(await repo.gitDir(), 'shipgate', 'rollback.json');
}

export async function readRollbackJournal(ctx: CoreContext, repo: Repository): Promise<RollbackJournal | null> {
  const path = await rollbackJournalPath(repo);
  if (!(await ctx.fs.exists(path))) return null;
  try {
    const journal = JSON.parse(await ctx.fs.readFile(path)) as RollbackJournal;
    return typeof journal.to === 'string' ? journal : null;
  } catch {
    return null; // a torn file is no journal
  }
}

export async function writeRollbackJournal(ctx: CoreContext, repo: Repository, journal: RollbackJournal | null): Promise<void> {
  const path = await rollbackJournalPath(repo);
  if (journal === null) {
    if (await ctx.fs.exists(path)) await ctx.fs.remove(path);
    return;
  }
  await ctx.fs.mkdir(join(path, '..'));
  await ctx.fs.writeFile(path, `${JSON.stringify(journal, null, 2)}\n`);
}
