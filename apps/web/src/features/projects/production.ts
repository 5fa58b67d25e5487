// What production runs, as the server says (core's productionNow() and the last run): the
// project's `production`, or the plan's fresh answer from the remote when there is one (a
// project Shipgate never deployed still runs something the plan can name). Nothing is
// computed here; these only pick the server's answer and put it into words.
import type { PlanDto, ProductionDto } from '../../api/types';

/** The plan's answer (read from the remote just now) first, else the project's record. */
export function productionOf(recorded: ProductionDto | null | undefined, planned: PlanDto['production'] | null | undefined): ProductionDto | null {
  if (!planned) return recorded ?? null;
  const releaseId = recorded && recorded.commit === planned.commit ? recorded.releaseId : null;
  return { version: planned.version, tag: planned.tag, commit: planned.commit, since: planned.since ?? recorded?.since ?? null, releaseId };
}

/** The sentence on the project page. */
export function productionLine(production: ProductionDto | null | undefined): string {
  if (!production) return 'Production runs a version not deployed by Shipgate yet.';
  if (!production.version) return `Production runs commit ${production.commit?.slice(0, 7) ?? '?'}, which no release tag marks.`;
  return `Production runs ${production.version}.`;
}

/** The short form on the projects list. */
export function productionShort(production: ProductionDto | null | undefined): string {
  if (!production) return 'not deployed by Shipgate yet';
  if (!production.version) return `commit ${production.commit?.slice(0, 7) ?? '?'} (no release tag)`;
  return production.version;
}
