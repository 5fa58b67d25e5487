// Keep a Changelog (https://keepachangelog.com/en/1.1.0/) as byte offsets: every `## ` section
// and the link reference definitions, so a release can move text without reflowing any of it.
import { ShipgateError } from '../errors.js';

export type SectionKind = 'unreleased' | 'release' | 'other';

export interface ChangelogSection {
  kind: SectionKind;
  /** The heading line without its line ending, e.g. `## [2.6.0] - 2024-05-01`. */
  heading: string;
  /** For a release: `2.6.0` (without a `v`). */
  version: string | null;
  /** For a release: `YYYY-MM-DD` when the heading has one. */
  date: string | null;
  /** 1-based line of the heading. */
  line: number;
  /** Offset of the heading line. */
  start: number;
  /** Offset just past the heading line's line ending. */
  bodyStart: number;
  /** Offset of the next `## ` heading, of the link definitions at the bottom, or the end. */
  end: number;
}

export interface LinkDefinition {
  /** `Unreleased`, `2.6.0`, … as written. */
  label: string;
  url: string;
  line: number;
  /** Offset of the line, and just past its line ending. */
  start: number;
  end: number;
}

export interface ParsedChangelog {
  file: string;
  text: string;
  /** The file's dominant line ending, used for every line a release adds. */
  eol: '\n' | '\r\n';
  unreleased: ChangelogSection;
  /** Every `## ` section in file order (Unreleased included). */
  sections: ChangelogSection[];
  releases: ChangelogSection[];
  links: LinkDefinition[];
  /** Offset of the link definitions block at the bottom, or null when there is none. */
  linksStart: number | null;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

const HEADING = /^##[ \t]+(.*?)[ \t#]*$/;
const UNRELEASED = /^\[?[ \t]*unreleased[ \t]*\]?(?:\([^)]*\)|\[[^\]]*\])?(?:[ \t]*[-–—:].*)?$/i;
const RELEASE = /^\[?[ \t]*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\b/;
const LINK_DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/;

export function parseChangelog(text: string, file: string): ParsedChangelog {
  const lines = splitLines(text);
  const links: LinkDefinition[] = [];
  const headings: Array<Omit<ChangelogSection, 'end'>> = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (/^ {0,3}(```|~~~)/.test(line.text)) fenced = !fenced;
    if (fenced) return;
    const heading = HEADING.exec(line.text);
    if (heading) headings.push(sectionHeading(heading[1] ?? '', line, index + 1));
    const link = LINK_DEFINITION.exec(line.text);
    if (link) links.push({ label: link[1] ?? '', url: link[2] ?? '', line: index + 1, start: line.start, end: line.end });
  });
  const linksStart = trailingLinksStart(lines);
  const sections = headings.map((h, i): ChangelogSection => {
    const next = headings[i + 1]?.start ?? text.length;
    return { ...h, end: linksStart !== null && linksStart > h.start && linksStart < next ? linksStart : next };
  });
  const unreleased = sections.find((s) => s.kind === 'unreleased');
  if (!unreleased) throw missingUnreleased(file, sections);
  return { file, text, eol: dominantEol(text), unreleased, sections, releases: sections.filter((s) => s.kind === 'release'), links, linksStart };
}

/** The Unreleased entries without surrounding blank lines, `\n` line endings, one trailing newline ('' when empty). */
export function unreleasedBody(parsed: ParsedChangelog): string {
  return sectionBody(parsed, parsed.unreleased);
}

/**
 * True when a section body has something written in it: a template of bare `###` headings
 * or `<!-- -->` comments is a placeholder that releases nothing and stays under Unreleased.
 */
export function hasWrittenEntries(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').split('\n').some((line) => line.trim() !== '' && !/^\s{0,3}#{1,6}(\s|$)/.test(line));
}

/** A section's body (its ### headings and entries), normalised like unreleasedBody. */
export function sectionBody(parsed: ParsedChangelog, section: ChangelogSection): string {
  const body = trimBlankLines(parsed.text.slice(section.bodyStart, section.end)).replace(/\r\n/g, '\n');
  return body ? `${body}\n` : '';
}

/** True when the CHANGELOG already has a `## [version]` section (a re-run after the CHANGELOG step). */
export function hasReleaseSection(parsed: ParsedChangelog, version: string): boolean {
  const wanted = version.replace(/^v/, '');
  return parsed.releases.some((s) => s.version === wanted);
}

/** Text without its leading and trailing blank lines (and without the final line ending). */
export function trimBlankLines(text: string): string {
  const lines = text.split('\n');
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && (lines[first] ?? '').trim() === '') first += 1;
  while (last >= first && (lines[last] ?? '').trim() === '') last -= 1;
  return lines.slice(first, last + 1).join('\n').replace(/\r$/, '');
}

function sectionHeading(title: string, line: Line, lineNumber: number): Omit<ChangelogSection, 'end'> {
  const base = { heading: line.text, line: lineNumber, start: line.start, bodyStart: line.end, version: null, date: null };
  if (UNRELEASED.test(title)) return { ...base, kind: 'unreleased' };
  const release = RELEASE.exec(title);
  if (!release) return { ...base, kind: 'other' };
  const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(title.slice(release[0].length))?.[1] ?? null;
  return { ...base, kind: 'release', version: release[1] ?? null, date };
}

function missingUnreleased(file: string, sections: ChangelogSection[]): ShipgateError {
  const newest = sections.find((s) => s.kind === 'release');
  const name = file.split(/[/\\]/).pop() || 'CHANGELOG.md';
  return new ShipgateError('GATE_BLOCKED', `${name} has no "## [Unreleased]" section`, {
    file,
    ...(newest ? { line: newest.line } : {}),
    hint: newest
      ? `add "## [Unreleased]" above the newest release section ("${newest.heading}" on line ${newest.line})`
      : 'add "## [Unreleased]" above the newest release section',
  });
}

/** The link definitions (and blank lines) that end the file, where compare links live. */
function trailingLinksStart(lines: Line[]): number | null {
  let start: number | null = null;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const text = lines[i]?.text ?? '';
    if (LINK_DEFINITION.test(text)) start = lines[i]?.start ?? null;
    else if (text.trim() !== '') break;
  }
  return start;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    lines.push({ text: text.slice(start, end).replace(/\r?\n$/, ''), start, end });
    start = end;
  }
  return lines;
}

function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}
