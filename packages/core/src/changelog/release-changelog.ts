// CONTRACT §3.3: the Unreleased entries move under `## [X.Y.Z] - YYYY-MM-DD`, an empty
// `## [Unreleased]` stays on top, older sections and every other byte stay as they were.
// A release only inserts lines (and rewrites compare links): every existing line keeps its
// bytes, and each inserted line takes the line ending of the line it follows.
import semver from 'semver';
import { ShipgateError } from '../errors.js';
import { applyEdits, compareLinkEdits, type TextEdit } from './compare-links.js';
import { eolBefore, hasReleaseSection, hasWrittenEntries, parseChangelog, sectionBody, trimBlankLines, type ParsedChangelog } from './parse-changelog.js';

export interface ReleaseChangelogInput {
  file: string;
  version: string;
  previousVersion: string | null;
  /** Local date of the releasing machine, `YYYY-MM-DD`. */
  date: string;
  tagPrefix: string;
  /** Entries for an empty Unreleased section (see generateChangelogBody). */
  generatedBody?: string | undefined;
}

export interface ReleasedChangelog {
  text: string;
  /** The new section's body with `\n` line endings (its ### headings and entries), for the tag message. */
  body: string;
  /** True when the section existed already: the text is returned unchanged (a re-run). */
  alreadyReleased: boolean;
  warnings: string[];
}

export function releaseChangelog(text: string, input: ReleaseChangelogInput): ReleasedChangelog {
  const version = checkedVersion(input);
  const parsed = parseChangelog(text, input.file);
  if (hasReleaseSection(parsed, version)) {
    const existing = parsed.releases.find((s) => s.version === version);
    return { text, body: existing ? sectionBody(parsed, existing) : '', alreadyReleased: true, warnings: [] };
  }
  const links = compareLinkEdits(parsed, { version, previousVersion: input.previousVersion, tagPrefix: input.tagPrefix });
  const heading = `## [${version}]${links.headingUrl ? `(${links.headingUrl})` : ''} - ${input.date}`;
  const body = parsed.text.slice(parsed.unreleased.bodyStart, parsed.unreleased.end);
  // written entries move under the new heading; a template or a lone placeholder stays under
  // Unreleased and the release gets the generated entries
  const section = hasWrittenEntries(body) ? moveEntries(parsed, heading) : appendSection(parsed, heading, input.generatedBody ?? '');
  return {
    text: applyEdits(text, [section.edit, ...links.edits]),
    body: section.body,
    alreadyReleased: false,
    warnings: links.warnings,
  };
}

interface SectionEdit {
  edit: TextEdit;
  /** The new section's body with `\n` line endings, '' when it has none. */
  body: string;
}

/**
 * `## [Unreleased]`, its blank lines, then the new heading (and one blank line) right above the
 * first entry: the entries end up under the new version without one of their bytes changing.
 */
function moveEntries(parsed: ParsedChangelog, heading: string): SectionEdit {
  const { text, unreleased } = parsed;
  const lines = linesIn(text, unreleased.bodyStart, unreleased.end);
  const first = lines.find((line) => line.text.trim() !== '');
  const at = first?.start ?? unreleased.end;
  const blankAbove = at > unreleased.bodyStart;
  const eol = eolBefore(text, at);
  const inserted = blankAbove ? [heading, ''] : ['', heading];
  return { edit: { start: at, end: at, text: inserted.map((line) => `${line}${eol}`).join('') }, body: sectionBody(parsed, unreleased) };
}

/** The new section (heading and generated entries) after whatever stays under Unreleased. */
function appendSection(parsed: ParsedChangelog, heading: string, generated: string): SectionEdit {
  const { text, unreleased } = parsed;
  const at = unreleased.end;
  const eol = eolBefore(text, at);
  const terminated = at === 0 || text[at - 1] === '\n';
  const previous = linesIn(text, unreleased.start, at).at(-1);
  const blankBefore = previous !== undefined && previous.start !== unreleased.start && previous.text.trim() === '';
  const entries = trimBlankLines(generated.replace(/\r\n/g, '\n'));
  const lines = [...(blankBefore ? [] : ['']), heading, ...(entries ? ['', ...entries.split('\n')] : []), ...(at < text.length ? [''] : [])];
  const inserted = `${terminated ? '' : eol}${lines.map((line) => `${line}${eol}`).join('')}`;
  return { edit: { start: at, end: at, text: inserted }, body: entries ? `${entries}\n` : '' };
}

interface LineSpan {
  text: string;
  start: number;
}

function linesIn(text: string, from: number, to: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = from;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline >= to ? to : newline + 1;
    lines.push({ text: text.slice(start, end).replace(/\r?\n$/, ''), start });
    start = end;
  }
  return lines;
}

function checkedVersion(input: ReleaseChangelogInput): string {
  const version = input.version.replace(/^v/, '');
  if (semver.valid(version) !== version) {
    throw new ShipgateError('INTERNAL', `cannot release ${input.file} as "${input.version}": not a semantic version`, { file: input.file });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) {
    throw new ShipgateError('INTERNAL', `cannot date the ${version} section "${input.date}": expected YYYY-MM-DD`, { file: input.file });
  }
  return version;
}
