// The release history as git tells it: every finished release commits
// `docs(ship): ship report for vX`, every rollback (automatic or by hand)
// `docs(ship): roll back vX to vY`. Read newest first, these say what production was made
// to run and since when — the explanation behind what the deploy provider reports.
import { gitCommands } from '../git/git-commands.js';
import type { Repository } from '../git/repository.js';
import { tagName } from './rolled-back-tags.js';

export interface ShipRecord {
  /** The tag production was made to run by this record. */
  tag: string;
  /** For a rollback: the tag it replaced. */
  rolledBack: string | null;
  /** The record commit's date (ISO 8601). */
  at: string;
  commit: string;
}

const FIELD = '\x1f';

/** The ship records on `ref` (default: the remote's main when fetched, else HEAD), newest first. */
export async function shipRecords(repo: Repository, prefix: string, ref = 'HEAD', count = 2000): Promise<ShipRecord[]> {
  const log = await repo.git.try(gitCommands.shipRecordLog(ref, count));
  if (log.code !== 0) return [];
  const records: ShipRecord[] = [];
  for (const line of log.stdout.split('\n')) {
    const [commit = '', at = '', subject = ''] = line.split(FIELD);
    const shipped = /^docs\(ship\): ship report for (\S+)$/.exec(subject)?.[1];
    const rollback = /^docs\(ship\): roll back (\S+) to (\S+)$/.exec(subject);
    if (shipped) records.push({ tag: tagName(shipped, prefix), rolledBack: null, at, commit });
    else if (rollback?.[1] && rollback[2]) records.push({ tag: tagName(rollback[2], prefix), rolledBack: tagName(rollback[1], prefix), at, commit });
  }
  return records;
}
