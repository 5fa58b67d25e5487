// Conventional Commits 1.0 (https://www.conventionalcommits.org/en/v1.0.0/), plus the two
// shapes of revert people actually push: git's `Revert "feat: x"` and `revert: feat: x`.

export interface CommitFooter {
  token: string;
  value: string;
}

/** What a revert points at: the reverted header (from the subject) and/or its shas. */
export interface RevertTarget {
  /** The header of the reverted commit, when the revert's subject names it. */
  header: string | null;
  /** Full or short shas from "This reverts commit <sha>." or a `Refs:` footer, lower case. */
  shas: string[];
}

export interface ConventionalCommit {
  /** Lower case: `feat`, `fix`, …; `revert` for both revert shapes; `merge` for merges. */
  type: string;
  scope: string | null;
  breaking: boolean;
  /** The BREAKING CHANGE note's text, or the subject when only `!` marked it. */
  breakingNote: string | null;
  /** What marked it breaking: a `BREAKING CHANGE:` line (anywhere in the body), `!`, or nothing. */
  breakingSource: 'note' | 'bang' | null;
  /** The description after `type(scope)!: ` (for merges and git reverts: the whole header). */
  subject: string;
  /** The first line as written. */
  header: string;
  body: string;
  footers: CommitFooter[];
  /** Merge commits are flagged, not parsed: they never release anything themselves. */
  isMerge: boolean;
  revertOf?: RevertTarget;
}

const HEADER = /^(?<type>[A-Za-z][\w-]*)(?:\((?<scope>[^()\n]*)\))?(?<bang>!)?:[ \t]+(?<subject>\S.*)$/;
const MERGE = /^Merge (?:branch|branches|pull request|remote-tracking branch|tag|commit|'|")/;
const GIT_REVERT = /^(?:Revert|Reapply) "(?<header>.+)"\s*$/;
const FOOTER = /^(?<token>BREAKING CHANGE|BREAKING-CHANGE|[\w-]+)(?<sep>: | #)(?<value>.*)$/;
const REVERTS_SHA = /This reverts commit ([0-9a-f]{7,40})/gi;
const SHA = /^[0-9a-f]{7,40}$/i;
// CONTRACT §3.2: the note counts wherever its line stands in the body, even with paragraphs
// after it (real migration notes go on for paragraphs). Upper case only, as the spec says;
// `BREAKING CHANGES:` is what the Angular preset of semantic-release also reads.
const BREAKING_NOTE = /^BREAKING[ -]CHANGES?:[ \t]*(?<value>.*)$/;

/** Parses one commit message; null when it is not a conventional commit (and not a merge or git revert). */
export function parseConventionalCommit(message: string): ConventionalCommit | null {
  const lines = message.replace(/\r\n?/g, '\n').replace(/^\n+/, '').split('\n');
  const header = (lines[0] ?? '').trim();
  const rest = lines.slice(1);
  const { body, footers } = splitBodyAndFooters(rest);

  if (MERGE.test(header)) {
    return { type: 'merge', scope: null, breaking: false, breakingNote: null, breakingSource: null, subject: header, header, body, footers, isMerge: true };
  }
  const gitRevert = GIT_REVERT.exec(header);
  if (gitRevert?.groups) {
    const revertOf = { header: gitRevert.groups['header'] ?? null, shas: revertedShas(message, []) };
    return { type: 'revert', scope: null, breaking: false, breakingNote: null, breakingSource: null, subject: header, header, body, footers, isMerge: false, revertOf };
  }
  const match = HEADER.exec(header);
  if (!match?.groups) return null;
  const type = (match.groups['type'] ?? '').toLowerCase();
  const subject = (match.groups['subject'] ?? '').trim();
  const note = breakingNoteIn(rest);
  const bang = match.groups['bang'] === '!';
  const commit: ConventionalCommit = {
    type,
    scope: match.groups['scope']?.trim() || null,
    breaking: bang || note !== null,
    breakingNote: note ?? (bang ? subject : null),
    breakingSource: note !== null ? 'note' : bang ? 'bang' : null,
    subject,
    header,
    body,
    footers,
    isMerge: false,
  };
  if (type === 'revert') {
    const reverted = subject.replace(/^"(.*)"$/, '$1');
    commit.revertOf = { header: reverted, shas: revertedShas(message, footers) };
  }
  return commit;
}

/** The first `BREAKING CHANGE:` line of the body and the lines that continue it (up to a blank line). */
function breakingNoteIn(lines: string[]): string | null {
  const start = lines.findIndex((line) => BREAKING_NOTE.test(line));
  if (start < 0) return null;
  const text = [BREAKING_NOTE.exec(lines[start] ?? '')?.groups?.['value']?.trim() ?? ''];
  for (const line of lines.slice(start + 1)) {
    const blank = line.trim() === '';
    if (blank && text.join('').trim() === '') continue; // `BREAKING CHANGE:` alone: the note is the next paragraph
    if (blank || FOOTER.test(line)) break;
    text.push(line);
  }
  return text.join('\n').trim();
}

/** The footers are the trailing paragraphs whose first line is a `Token: value` / `Token #value` line. */
function splitBodyAndFooters(lines: string[]): { body: string; footers: CommitFooter[] } {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current);

  let firstFooter = paragraphs.length;
  while (firstFooter > 0 && FOOTER.test(paragraphs[firstFooter - 1]?.[0] ?? '')) firstFooter -= 1;
  const body = paragraphs.slice(0, firstFooter).map((p) => p.join('\n')).join('\n\n');
  const footers: CommitFooter[] = [];
  for (const line of paragraphs.slice(firstFooter).flat()) {
    const footer = FOOTER.exec(line)?.groups;
    const last = footers[footers.length - 1];
    if (footer) footers.push({ token: footer['token'] ?? '', value: (footer['value'] ?? '').trim() });
    else if (last) last.value = `${last.value}\n${line}`; // a multi-line footer value
  }
  return { body, footers };
}

function revertedShas(message: string, footers: CommitFooter[]): string[] {
  const shas = [...message.matchAll(REVERTS_SHA)].map((m) => (m[1] ?? '').toLowerCase());
  for (const footer of footers) {
    if (!/^refs?$/i.test(footer.token)) continue;
    for (const ref of footer.value.split(/[\s,]+/)) if (SHA.test(ref)) shas.push(ref.toLowerCase());
  }
  return [...new Set(shas)];
}
