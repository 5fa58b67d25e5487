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
// `[Unreleased]` with anything after the brackets (a link, `(date goes here)`, ` - next`), or a bare
// `Unreleased` followed by nothing, a dash, a colon or a parenthesis.
const UNRELEASED = /^(?:\[[ \t]*unreleased[ \t]*\].*|unreleased(?:[ \t]*[-–—:(].*)?)$/i;
/** Any heading that names Unreleased (at any level), to point at it when it is not read as the section. */
const UNRELEASED_LIKE = /^ {0,3}#{1,6}[ \t]*\[?[ \t]*unreleased\b/i;
/** A lone placeholder entry that says there is nothing yet: `- Nothing yet!`, `- None`, `_No changes_`. */
const PLACEHOLDER = /^[ \t]*(?:[-*+][ \t]+)?([_*]{0,2})[ \t]*(?:nothing(?: yet| here| so far)?|none(?: yet)?|no(?:thing| notable)? changes?(?: yet)?|n\/a|tbd)[ \t]*[.!]*[ \t]*\1[ \t]*$/i;
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
  if (!unreleased) throw missingUnreleased(file, sections, lines);
  return { file, text, eol: dominantEol(text), unreleased, sections, releases: sections.filter((s) => s.kind === 'release'), links, linksStart };
}

/** The Unreleased entries without surrounding blank lines, `\n` line endings, one trailing newline ('' when empty). */
export function unreleasedBody(parsed: ParsedChangelog): string {
  return sectionBody(parsed, parsed.unreleased);
}

/**
 * True when a section body has something written in it. A template of bare `###` headings or
 * `<!-- -->` comments, or one lone placeholder entry (`- Nothing yet!`), releases nothing and
 * stays under Unreleased; the release gets generated entries instead (CONTRACT §3.3).
 */
export function hasWrittenEntries(body: string): boolean {
  const written = writtenLines(body);
  return written.length > 1 || (written.length === 1 && !PLACEHOLDER.test(written[0] ?? ''));
}

/** True when the section's only entry is a placeholder such as `- Nothing yet!`. */
export function isPlaceholderEntry(line: string): boolean {
  return PLACEHOLDER.test(line);
}

/** The lines that are neither blank, nor headings, nor inside `<!-- -->` comments. */
function writtenLines(body: string): string[] {
  return body
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !/^\s{0,3}#{1,6}(\s|$)/.test(line));
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

function missingUnreleased(file: string, sections: ChangelogSection[], lines: Line[]): ShipgateError {
  const newest = sections.find((s) => s.kind === 'release');
  const name = file.split(/[/\\]/).pop() || 'CHANGELOG.md';
  const lookalike = lines.findIndex((line) => UNRELEASED_LIKE.test(line.text));
  if (lookalike >= 0) {
    const text = lines[lookalike]?.text.trim() ?? '';
    return new ShipgateError('GATE_BLOCKED', `"${text}" is not read as the Unreleased section: it must be a level-2 heading "## [Unreleased]" (anything may follow the brackets)`, {
      file,
      line: lookalike + 1,
      hint: `write line ${lookalike + 1} as "## [Unreleased]"`,
    });
  }
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

/**
 * The line ending a line inserted at `offset` takes: that of the line it follows (the nearest
 * line ending before the offset), or the file's dominant one at the very top.
 */
export function eolBefore(text: string, offset: number): '\n' | '\r\n' {
  const newline = text.lastIndexOf('\n', offset - 1);
  if (newline === -1) return dominantEol(text);
  return text[newline - 1] === '\r' ? '\r\n' : '\n';
}

function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}
