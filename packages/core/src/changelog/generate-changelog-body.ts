// Keep a Changelog entries from conventional commits, for a release whose Unreleased
// section is empty: feat → Added, fix → Fixed, perf, breaking changes and reverts of released
// work → Changed.
import { classifyCommits, type ClassifiedCommit, type CommitInput, type ReleasedCommits } from '../version/analyze-commits.js';
import { shortSha } from '../version/bump.js';

type Section = 'Added' | 'Changed' | 'Fixed';
const ORDER: Section[] = ['Added', 'Changed', 'Fixed']; // Keep a Changelog's order

/** `### Added\n\n- **scope:** subject (abc1234)\n…`, oldest first; '' when nothing releases. */
export function generateChangelogBody(commits: readonly CommitInput[], released?: ReleasedCommits): string {
  const entries = new Map<Section, string[]>(ORDER.map((s) => [s, []]));
  for (const commit of classifyCommits(commits, released)) {
    const section = sectionOf(commit);
    if (section) entries.get(section)?.push(entryOf(commit));
  }
  const blocks = ORDER.filter((s) => entries.get(s)?.length).map((s) => `### ${s}\n\n${(entries.get(s) ?? []).join('\n')}\n`);
  return blocks.join('\n');
}

function sectionOf(commit: ClassifiedCommit): Section | null {
  if (commit.revertedBy !== null || commit.bump === null || !commit.parsed) return null;
  if (commit.parsed.breaking) return 'Changed';
  if (commit.parsed.type === 'feat') return 'Added';
  if (commit.parsed.type === 'fix') return 'Fixed';
  return 'Changed';
}

function entryOf(commit: ClassifiedCommit): string {
  const parsed = commit.parsed;
  if (!parsed) return '';
  if (commit.revertsReleased) return `- Reverted: ${commit.revertsReleased.header} (${shortSha(commit.sha)})`;
  const breaking = parsed.breaking ? '**BREAKING** ' : '';
  const scope = parsed.scope ? `**${parsed.scope}:** ` : '';
  const note = parsed.breakingNote && parsed.breakingNote !== parsed.subject ? `: ${firstLine(parsed.breakingNote)}` : '';
  return `- ${breaking}${scope}${parsed.subject} (${shortSha(commit.sha)})${note}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
