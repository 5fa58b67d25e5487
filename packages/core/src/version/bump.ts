import type { Bump } from '../model/plan-types.js';

const RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/** The higher of two bumps (null means "releases nothing"). */
export function maxBump(a: Bump | null, b: Bump | null): Bump | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** A 7-character sha, the length people and git's short form use. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
