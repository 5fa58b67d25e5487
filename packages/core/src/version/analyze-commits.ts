// What the commits since the last version tag release (CONTRACT §3.2): feat → minor,
// fix/perf → patch, breaking → major, a revert cancels what it reverts when both are in the
// range, and a revert of a feat/fix/perf released earlier is itself a patch.
import type { Bump, BumpReason } from '../model/plan-types.js';
import { maxBump, shortSha } from './bump.js';
import { parseConventionalCommit, type ConventionalCommit } from './conventional-commit.js';

export interface CommitInput {
  sha: string;
  message: string;
}

export interface CommitAnalysis {
  bump: Bump | null;
  reasons: BumpReason[];
}

export interface ClassifiedCommit extends CommitInput {
  parsed: ConventionalCommit | null;
  /** What the commit releases on its own, ignoring reverts. */
  bump: Bump | null;
  /** Index of the (still effective) revert that cancels this commit. */
  revertedBy: number | null;
  /** For a revert: indexes of the commits in the range it reverts. */
  targets: number[];
  /** For a revert of nothing in the range: the released commit it takes back, when that released something. */
  revertsReleased: { sha: string | null; header: string; type: string } | null;
}

/**
 * What the caller knows about commits before the range, by sha (lower case): their message
 * when they were released (an ancestor of the last tag), null when they were not. A sha it
 * does not know falls back to the header quoted in the revert's subject.
 */
export type ReleasedCommits = ReadonlyMap<string, string | null>;

const TYPE_BUMPS: Record<string, Bump> = { feat: 'minor', fix: 'patch', perf: 'patch' };

/** Parses every commit (oldest first) and settles reverts, including reverts of reverts. */
export function classifyCommits(commits: readonly CommitInput[], released: ReleasedCommits = new Map()): ClassifiedCommit[] {
  const classified = commits.map((c): ClassifiedCommit => {
    const parsed = parseConventionalCommit(c.message);
    return { ...c, parsed, bump: ownBump(parsed), revertedBy: null, targets: [], revertsReleased: null };
  });
  classified.forEach((commit, index) => {
    if (!commit.parsed?.revertOf) return;
    commit.targets = findTargets(classified, index);
    if (!commit.targets.length) {
      commit.revertsReleased = releasedTarget(commit.parsed.revertOf, released);
      if (commit.revertsReleased) commit.bump = 'patch';
    }
    setEffective(classified, index, true);
  });
  return classified;
}

/** The shas that reverts in the range name but that are not in the range: ask git about these. */
export function revertedShasOutside(commits: readonly CommitInput[]): string[] {
  const shas = new Set<string>();
  for (const commit of classifyCommits(commits)) {
    if (commit.parsed?.revertOf && !commit.targets.length) for (const sha of commit.parsed.revertOf.shas) shas.add(sha);
  }
  return [...shas];
}

export function analyzeCommits(commits: readonly CommitInput[], released: ReleasedCommits = new Map()): CommitAnalysis {
  const classified = classifyCommits(commits, released);
  let bump: Bump | null = null;
  const reasons = classified.map((commit) => {
    const reason = reasonFor(classified, commit);
    if (reason.bump !== 'none') bump = maxBump(bump, reason.bump);
    return reason;
  });
  return { bump, reasons };
}

function ownBump(parsed: ConventionalCommit | null): Bump | null {
  if (!parsed || parsed.isMerge || parsed.type === 'revert') return null;
  if (parsed.breaking) return 'major';
  return TYPE_BUMPS[parsed.type] ?? null;
}

/** By sha when the revert names one (trusting it even if it points outside the range), else by header. */
function findTargets(commits: ClassifiedCommit[], index: number): number[] {
  const revertOf = commits[index]?.parsed?.revertOf;
  if (!revertOf) return [];
  const earlier = commits.slice(0, index);
  if (revertOf.shas.length) {
    return revertOf.shas
      .map((sha) => earlier.findIndex((c) => sameSha(c.sha, sha)))
      .filter((i) => i >= 0);
  }
  if (!revertOf.header) return [];
  const wanted = normalize(revertOf.header);
  const wantedSubject = normalize(parseConventionalCommit(revertOf.header)?.subject ?? revertOf.header);
  const candidates = earlier.map((c, i) => ({ c, i })).filter(({ c }) => c.revertedBy === null && c.parsed?.isMerge !== true).reverse();
  const byHeader = candidates.find(({ c }) => normalize(c.parsed?.header ?? firstLine(c.message)) === wanted);
  const bySubject = candidates.find(({ c }) => c.parsed !== null && normalize(c.parsed.subject) === wantedSubject);
  const found = byHeader ?? bySubject;
  return found ? [found.i] : [];
}

/** A revert of earlier work releases a patch when that work was a feat, fix, perf or breaking change. */
function releasedTarget(revertOf: NonNullable<ConventionalCommit['revertOf']>, released: ReleasedCommits): ClassifiedCommit['revertsReleased'] {
  for (const sha of revertOf.shas) {
    const known = [...released].find(([key]) => sameSha(key, sha));
    if (!known) continue;
    const message = known[1];
    if (message === null) return null; // git says it was never released
    const parsed = parseConventionalCommit(message);
    if (parsed?.revertOf) return null; // re-applying something: what it brings back was decided before
    return ownBump(parsed) ? { sha, header: parsed?.header ?? '', type: parsed?.type ?? '' } : null;
  }
  if (!revertOf.header) return null;
  const parsed = parseConventionalCommit(revertOf.header);
  if (!parsed || parsed.revertOf || !ownBump(parsed)) return null;
  return { sha: revertOf.shas[0] ?? null, header: parsed.header, type: parsed.type };
}

/** An effective revert cancels its targets; when a revert is itself cancelled, its targets count again. */
function setEffective(commits: ClassifiedCommit[], index: number, effective: boolean): void {
  const revert = commits[index];
  if (!revert) return;
  for (const target of revert.targets) {
    const commit = commits[target];
    if (!commit) continue;
    if (effective) commit.revertedBy = index;
    else if (commit.revertedBy === index) commit.revertedBy = null;
    else continue;
    if (commit.parsed?.revertOf) setEffective(commits, target, !effective);
  }
}

function reasonFor(commits: ClassifiedCommit[], commit: ClassifiedCommit): BumpReason {
  const { parsed } = commit;
  const base = { commit: shortSha(commit.sha), subject: parsed?.header ?? firstLine(commit.message) };
  const none = (note: string): BumpReason => ({ bump: 'none', ...base, note });
  if (!parsed) return none('not a conventional commit: releases nothing');
  if (parsed.isMerge) return none('merge commit: ignored (the merged commits count on their own)');
  if (commit.revertedBy !== null) return none(`reverted by ${shortSha(commits[commit.revertedBy]?.sha ?? '')}`);
  if (parsed.revertOf) {
    const earlier = commit.revertsReleased;
    if (earlier && commit.bump) {
      const which = earlier.sha ? `${shortSha(earlier.sha)} (${earlier.type})` : `"${earlier.header}"`;
      return { bump: commit.bump, ...base, note: `reverts ${which}, released earlier → patch` };
    }
    if (!commit.targets.length) return none('revert of a commit outside this release that released nothing: releases nothing');
    const shas = commit.targets.map((t) => shortSha(commits[t]?.sha ?? '')).join(', ');
    return none(`reverts ${shas}: releases nothing itself`);
  }
  if (!commit.bump) return none(`${parsed.type}: releases nothing`);
  return { bump: commit.bump, ...base, note: bumpNote(parsed, commit.bump) };
}

function bumpNote(parsed: ConventionalCommit, bump: Bump): string {
  if (!parsed.breaking) return `${parsed.type} → ${bump}`;
  return `breaking change (${parsed.breakingSource === 'note' ? 'BREAKING CHANGE note' : '"!" after the type'}) → major`;
}

function sameSha(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length < 4 || y.length < 4) return false;
  return x.startsWith(y) || y.startsWith(x);
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function firstLine(message: string): string {
  return message.replace(/^\s+/, '').split(/\r?\n/)[0]?.trim() ?? '';
}
