// Compare links, in the file's own style (CONTRACT §3.3):
//   bottom definitions   [Unreleased]: https://host/owner/repo/compare/v2.6.0...HEAD   (GitLab: …/-/compare/…)
//   inline in a heading  ## [Unreleased](https://host/owner/repo/compare/v17.4.2...master)
//   version links only   [15.0.0]: https://host/owner/repo/compare/14.3.0...15.0.0 (no [Unreleased] link)
// On release the Unreleased link compares from the new tag (when it compared from a tag at all:
// `master...develop` stays), and the new version gets a link shaped like its neighbours.
import { eolBefore, type ChangelogSection, type LinkDefinition, type ParsedChangelog } from './parse-changelog.js';

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

export interface CompareLinkPlan {
  edits: TextEdit[];
  /** The link the new `## [X.Y.Z](…)` heading carries when the file links its headings inline; else null. */
  headingUrl: string | null;
  warnings: string[];
}

interface CompareUrl {
  /** Everything up to and including `/compare/`. */
  base: string;
  from: string;
  sep: '...' | '..';
  to: string;
}

const INLINE_HEADING_LINK = /^(##[ \t]+\[[^\]]*\]\()([^)\s]+)\)/;
const NONE: CompareLinkPlan = { edits: [], headingUrl: null, warnings: [] };

export function compareLinkEdits(parsed: ParsedChangelog, input: CompareLinkInput): CompareLinkPlan {
  const newTag = `${input.tagPrefix}${input.version}`;
  const previousTag = input.previousVersion === null ? null : `${input.tagPrefix}${input.previousVersion}`;
  const { unreleased } = parsed;

  const inline = INLINE_HEADING_LINK.exec(unreleased.heading);
  if (inline) {
    const url = inline[2] ?? '';
    const compare = splitCompare(url);
    if (!compare) return { ...NONE, warnings: [notCompare(parsed, unreleased.line, url)] };
    const urlStart = unreleased.start + (inline[1] ?? '').length;
    return { edits: moveFrom(compare, urlStart, newTag, previousTag), headingUrl: versionUrl(compare, previousTag ?? compare.from, newTag), warnings: [] };
  }

  const link = parsed.links.find((l) => /^unreleased$/i.test(l.label.trim()) && (l.start < unreleased.bodyStart || l.start >= unreleased.end));
  if (link) {
    const compare = splitCompare(link.url);
    if (!compare) return { ...NONE, warnings: [notCompare(parsed, link.line, link.url)] };
    const urlStart = link.start + parsed.text.slice(link.start, link.end).indexOf(link.url);
    const edits = moveFrom(compare, urlStart, newTag, previousTag);
    if (!hasLink(parsed.links, input.version, newTag)) {
      edits.push(insertLineAfter(parsed, link, `[${input.version}]: ${versionUrl(compare, previousTag ?? compare.from, newTag)}`));
    }
    return { edits, headingUrl: null, warnings: [] };
  }

  return versionLinksOnly(parsed, input.version, newTag, previousTag);
}

/** No [Unreleased] link: follow the newest release's inline heading link or its link definition. */
function versionLinksOnly(parsed: ParsedChangelog, version: string, newTag: string, previousTag: string | null): CompareLinkPlan {
  const newest: ChangelogSection | undefined = parsed.releases[0];
  const inline = newest ? splitCompare(INLINE_HEADING_LINK.exec(newest.heading)?.[2] ?? '') : null;
  if (inline) return { ...NONE, headingUrl: versionUrl(inline, previousTag ?? inline.to, newTag) };
  if (hasLink(parsed.links, version, newTag)) return NONE;
  const versions = new Set(parsed.releases.map((r) => r.version));
  const neighbour =
    parsed.links.find((l) => newest?.version && l.label.replace(/^v/, '') === newest.version) ??
    parsed.links.find((l) => versions.has(l.label.replace(/^v/, '')));
  const compare = neighbour ? splitCompare(neighbour.url) : null;
  if (!neighbour || !compare) return NONE;
  const line = `[${version}]: ${versionUrl(compare, previousTag ?? compare.to, newTag)}`;
  return { ...NONE, edits: [{ start: neighbour.start, end: neighbour.start, text: `${line}${eolBefore(parsed.text, neighbour.start)}` }] };
}

/** `…/compare/A...B` (or `A..B`) split after the last `/compare/`, so tags may contain `/`. */
export function splitCompare(url: string): CompareUrl | null {
  const at = url.lastIndexOf('/compare/');
  if (at === -1) return null;
  const base = url.slice(0, at + '/compare/'.length);
  const range = url.slice(base.length);
  const sep = range.includes('...') ? '...' : range.includes('..') ? '..' : null;
  if (!sep) return null;
  const from = range.slice(0, range.indexOf(sep));
  const to = range.slice(range.indexOf(sep) + sep.length);
  return from && to ? { base, from, sep, to } : null;
}

/** The Unreleased range starts at the new tag when it started at a tag (or a commit), not at a branch. */
function moveFrom(compare: CompareUrl, urlStart: number, newTag: string, previousTag: string | null): TextEdit[] {
  const fromTag = compare.from === previousTag || /\d+\.\d+\.\d+/.test(compare.from) || /^[0-9a-f]{7,40}$/i.test(compare.from);
  if (!fromTag) return [];
  const start = urlStart + compare.base.length;
  return [{ start, end: start + compare.from.length, text: newTag }];
}

function versionUrl(compare: CompareUrl, from: string, to: string): string {
  return `${compare.base}${from}${compare.sep}${to}`;
}

function notCompare(parsed: ParsedChangelog, line: number, url: string): string {
  return `${parsed.file}:${line}: the [Unreleased] link is not a compare link (…/compare/A...HEAD), so ${url} was left as it is`;
}

function hasLink(links: LinkDefinition[], version: string, tag: string): boolean {
  return links.some((l) => l.label === version || l.label === tag);
}

function insertLineAfter(parsed: ParsedChangelog, link: LinkDefinition, line: string): TextEdit {
  const eol = eolBefore(parsed.text, link.end);
  const endsWithNewline = parsed.text[link.end - 1] === '\n';
  return { start: link.end, end: link.end, text: endsWithNewline ? `${line}${eol}` : `${eol}${line}` };
}

/** Applies non-overlapping edits (offsets into the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}
