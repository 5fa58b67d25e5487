// What production runs, from one source everywhere: the version Shipgate recorded for the
// project, else what the plan saw on the deploy branch (its release tag, or just a commit).

export interface SeenProduction {
  commit: string;
  version: string | null;
}

export type Production =
  | { kind: 'recorded'; version: string }
  | { kind: 'tagged'; version: string }
  | { kind: 'commit'; commit: string }
  | { kind: 'unknown' };

export function productionOf(recorded: string | null | undefined, seen: SeenProduction | null | undefined): Production {
  if (recorded) return { kind: 'recorded', version: recorded };
  if (seen?.version) return { kind: 'tagged', version: seen.version };
  if (seen) return { kind: 'commit', commit: seen.commit.slice(0, 7) };
  return { kind: 'unknown' };
}

/** The sentence on the project page. */
export function productionLine(recorded: string | null | undefined, seen: SeenProduction | null | undefined): string {
  const p = productionOf(recorded, seen);
  switch (p.kind) {
    case 'recorded':
      return `Production runs ${p.version}.`;
    case 'tagged':
      return `Production runs ${p.version} (its deploy branch is at that tag).`;
    case 'commit':
      return `Production runs commit ${p.commit}, which no release tag marks.`;
    case 'unknown':
      return 'Production runs a version not deployed by Shipgate yet.';
  }
}

/** The short form on the projects list. */
export function productionShort(recorded: string | null | undefined, seen: SeenProduction | null | undefined): string {
  const p = productionOf(recorded, seen);
  switch (p.kind) {
    case 'recorded':
    case 'tagged':
      return p.version;
    case 'commit':
      return `commit ${p.commit} (no release tag)`;
    case 'unknown':
      return 'not deployed by Shipgate yet';
  }
}
