// The release journal: what a running release has done so far, kept in the repository's
// git dir (never in the work tree, so it never dirties it). A re-run reads it to finish an
// interrupted release without repeating what already reached the remote.
import { join } from 'node:path';
import type { CoreContext } from '../context.js';
import type { Repository } from '../git/repository.js';
import type { ReleaseJournal } from '../model/journal-types.js';
import { isTerminalStatus } from '../model/statuses.js';

export type { ReleaseJournal };

async function journalPath(repo: Repository): Promise<string> {
  return join(await repo.gitDir(), 'shipgate', 'journal.json');
}

export async function readJournal(ctx: CoreContext, repo: Repository): Promise<ReleaseJournal | null> {
  const path = await journalPath(repo);
  if (!(await ctx.fs.exists(path))) return null;
  try {
    return JSON.parse(await ctx.fs.readFile(path)) as ReleaseJournal;
  } catch {
    return null; // a torn or foreign file is no journal: plan afresh
  }
}

export async function writeJournal(ctx: CoreContext, repo: Repository, journal: ReleaseJournal): Promise<void> {
  const path = await journalPath(repo);
  await ctx.fs.mkdir(join(path, '..'));
  await ctx.fs.writeFile(path, `${JSON.stringify(journal, null, 2)}\n`);
}

export function isJournalPending(journal: ReleaseJournal | null): journal is ReleaseJournal {
  return journal !== null && !isTerminalStatus(journal.status);
}
