// What production runs, as the server says (core's productionNow() and the last run): the
// project's `production`. Nothing is computed here; these only put it into words.
import type { ProductionDto } from '../../api/types';

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
