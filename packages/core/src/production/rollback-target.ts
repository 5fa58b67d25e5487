// Where a rollback goes: by default the newest release before what production runs that was
// never rolled back itself (a rolled-back release is no place to return to); `to` forces a
// release; `preferred` is taken unless it was rolled back.
import semver from 'semver';
import type { ReleaseTarget } from '../deploy/deploy-provider.js';
import { ShipgateError } from '../errors.js';
import { tagName } from './rolled-back-tags.js';

export interface RollbackTargetInput {
  /** Released tags on the remote, newest first (releasedTags). */
  tags: ReleaseTarget[];
  /** What production runs now (null: unknown; then the newest tag counts as current). */
  current: ReleaseTarget | null;
  prefix: string;
  rolledBack: ReadonlySet<string>;
  to?: string | undefined;
  preferred?: string | undefined;
  /** Told when a rolled-back release is passed over. */
  log?: (line: string) => void;
}

export function rollbackTarget(input: RollbackTargetInput): ReleaseTarget {
  const { tags, current, prefix, rolledBack } = input;
  if (input.to) {
    const wanted = tagName(input.to, prefix);
    const found = tags.find((t) => t.tag === wanted);
    if (!found) throw new ShipgateError('USAGE', `no released tag ${wanted} on the remote`, { field: '--to', hint: `released: ${tags.slice(0, 8).map((t) => t.tag).join(', ') || 'none'}` });
    return found;
  }
  if (input.preferred) {
    const wanted = tagName(input.preferred, prefix);
    const found = rolledBack.has(wanted) ? null : tags.find((t) => t.tag === wanted);
    if (found && found.commit !== current?.commit) return found;
  }
  const older = tags.filter((t) => !current || semver.lt(t.version, current.version));
  if (!older[0]) throw new ShipgateError('USAGE', `there is no release before ${current?.tag ?? 'the current one'} to roll back to`, { hint: 'a first release has nothing to return to: fix forward with a new release' });
  const good = older.find((t) => !rolledBack.has(t.tag));
  if (!good) {
    throw new ShipgateError('USAGE', `every release before ${current?.tag ?? 'the current one'} was rolled back (${older.slice(0, 5).map((t) => t.tag).join(', ')})`, {
      field: '--to',
      hint: 'choose one anyway with --to <tag>, or fix forward with a new release',
    });
  }
  for (const skipped of older.filter((t) => rolledBack.has(t.tag) && semver.gt(t.version, good.version))) {
    input.log?.(`skipping ${skipped.tag}: it was rolled back before, so it is not a release to return to (shipgate rollback --to ${skipped.tag} forces it)`);
  }
  return good;
}
