// CONTRACT §3.3: the Unreleased entries move under `## [X.Y.Z] - YYYY-MM-DD`, an empty
// `## [Unreleased]` stays on top, older sections and every other byte stay as they were.
import semver from 'semver';
import { ShipgateError } from '../errors.js';
import { applyEdits, compareLinkEdits } from './compare-links.js';
import { hasReleaseSection, hasWrittenEntries, parseChangelog, sectionBody, trimBlankLines } from './parse-changelog.js';

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
  const { eol, unreleased } = parsed;
  const written = trimBlankLines(text.slice(unreleased.bodyStart, unreleased.end));
  // a template (bare headings, comments) stays under Unreleased for the next release
  const placeholder = hasWrittenEntries(written) ? '' : written;
  let body = placeholder ? '' : written;
  if (!body && input.generatedBody) body = trimBlankLines(input.generatedBody).replace(/\r?\n/g, eol);

  const headingHasEol = unreleased.bodyStart > unreleased.start + unreleased.heading.length;
  const rest = text.slice(unreleased.end);
  const section = `## [${version}] - ${input.date}${eol}${body ? `${eol}${body}${eol}` : ''}`;
  const replacement = `${headingHasEol ? '' : eol}${eol}${placeholder ? `${placeholder}${eol}${eol}` : ''}${section}${rest ? eol : ''}`;
  const links = compareLinkEdits(parsed, { version, previousVersion: input.previousVersion, tagPrefix: input.tagPrefix });
  return {
    text: applyEdits(text, [{ start: unreleased.bodyStart, end: unreleased.end, text: replacement }, ...links.edits]),
    body: body ? `${body.replace(/\r\n/g, '\n')}\n` : '',
    alreadyReleased: false,
    warnings: links.warnings,
  };
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
