// What the commits since the last version tag release (CONTRACT §3.2): feat → minor,
// fix/perf → patch, breaking → major, a revert cancels what it reverts.
import type { Bump, BumpReason } from '../plan/plan-types.js';
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
}

const TYPE_BUMPS: Record<string, Bump> = { feat: 'minor', fix: 'patch', perf: 'patch' };

/** Parses every commit (oldest first) and settles reverts, including reverts of reverts. */
export function classifyCommits(commits: readonly CommitInput[]): ClassifiedCommit[] {
  const classified = commits.map((c): ClassifiedCommit => {
    const parsed = parseConventionalCommit(c.message);
    return { ...c, parsed, bump: ownBump(parsed), revertedBy: null, targets: [] };
  });
  classified.forEach((commit, index) => {
    if (!commit.parsed?.revertOf) return;
    commit.targets = findTargets(classified, index);
    setEffective(classified, index, true);
  });
  return classified;
}

export function analyzeCommits(commits: readonly CommitInput[]): CommitAnalysis {
  const classified = classifyCommits(commits);
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
    if (!commit.targets.length) return none('revert of a commit outside this release: releases nothing');
    const shas = commit.targets.map((t) => shortSha(commits[t]?.sha ?? '')).join(', ');
    return none(`reverts ${shas}: releases nothing itself`);
  }
  if (!commit.bump) return none(`${parsed.type}: releases nothing`);
  return { bump: commit.bump, ...base, note: bumpNote(parsed, commit.bump) };
}

function bumpNote(parsed: ConventionalCommit, bump: Bump): string {
  if (!parsed.breaking) return `${parsed.type} → ${bump}`;
  const hasFooter = parsed.footers.some((f) => f.token === 'BREAKING CHANGE' || f.token === 'BREAKING-CHANGE');
  return `breaking change (${hasFooter ? 'BREAKING CHANGE footer' : '"!" after the type'}) → major`;
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
