// The compare links at the bottom of a Keep a Changelog file:
//   [Unreleased]: https://host/owner/repo/compare/v2.6.0...HEAD   (GitLab: …/-/compare/…)
// On release, [Unreleased] compares from the new tag and a [X.Y.Z] link is added below it.
import type { LinkDefinition, ParsedChangelog } from './parse-changelog.js';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface CompareLinkInput {
  version: string;
  previousVersion: string | null;
  tagPrefix: string;
}

/** `<base><from><... or ..><to>`, where base ends with a slash (…/compare/). */
const COMPARE_URL = /^(?<base>.*\/)(?<from>[^/]+?)(?<sep>\.\.\.?)(?<to>[^/.][^/]*)$/;

export function compareLinkEdits(parsed: ParsedChangelog, input: CompareLinkInput): { edits: TextEdit[]; warnings: string[] } {
  const { unreleased } = parsed;
  const link = parsed.links.find((l) => /^unreleased$/i.test(l.label.trim()) && (l.start < unreleased.bodyStart || l.start >= unreleased.end));
  if (!link) return { edits: [], warnings: [] };
  const match = COMPARE_URL.exec(link.url)?.groups;
  if (!match) {
    return { edits: [], warnings: [`${parsed.file}:${link.line}: the [Unreleased] link is not a compare link (…/compare/A...HEAD), so it was left as it is`] };
  }
  const { base = '', from = '', sep = '...' } = match;
  const newTag = `${input.tagPrefix}${input.version}`;
  const previousRef = input.previousVersion === null ? from : `${input.tagPrefix}${input.previousVersion}`;
  const urlOffset = link.start + parsed.text.slice(link.start, link.end).indexOf(link.url);
  const edits: TextEdit[] = [{ start: urlOffset + base.length, end: urlOffset + base.length + from.length, text: newTag }];
  if (!hasLink(parsed.links, input.version, newTag)) {
    edits.push(insertLineAfter(parsed, link, `[${input.version}]: ${base}${previousRef}${sep}${newTag}`));
  }
  return { edits, warnings: [] };
}

function hasLink(links: LinkDefinition[], version: string, tag: string): boolean {
  return links.some((l) => l.label === version || l.label === tag);
}

function insertLineAfter(parsed: ParsedChangelog, link: LinkDefinition, line: string): TextEdit {
  const endsWithNewline = parsed.text[link.end - 1] === '\n';
  return { start: link.end, end: link.end, text: endsWithNewline ? `${line}${parsed.eol}` : `${parsed.eol}${line}` };
}

/** Applies non-overlapping edits (offsets into the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}
