// Reads and rewrites the version in a version file, touching no other byte (CONTRACT §3.3).
import semver from 'semver';
import { ShipgateError } from '../errors.js';
import { findMember, findTopLevelMember, JsonSyntaxError } from './json-member.js';
import { positionAt } from './text-position.js';

export interface VersionLocation {
  version: string;
  /** 1-based position of the version's first character (inside any quotes). */
  line: number;
  column: number;
}

type FileKind = 'json' | 'toml' | 'plain' | 'text';

interface Found {
  value: string;
  start: number;
  end: number;
}

const HINTS: Record<FileKind, string> = {
  json: 'add "version": "0.1.0" to the top-level object, or remove the file from version.files in .shipgate.yaml',
  toml: 'add version = "0.1.0" under [project] (pyproject.toml) or [package] (Cargo.toml)',
  plain: 'write a version such as 0.1.0 into the file',
  text: 'add a line such as `version: 0.1.0`, or remove the file from version.files in .shipgate.yaml',
};
const TOML_TABLES = new Set(['project', 'package', 'tool.poetry', 'workspace.package']);
const TOML_VERSION = /^[ \t]*version[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')/d;
const TEXT_VERSION =
  /^[ \t]*(?:(?:export[ \t]+)?(?:const|let|var)[ \t]+)?(["']?)(?:__version__|version)\1[ \t]*[:=][ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"',;#]+))/di;

export function readVersion(fileName: string, content: string): VersionLocation {
  const found = locate(fileName, content);
  const { line, column } = positionAt(content, found.start);
  if (semver.valid(found.value) !== found.value) {
    throw new ShipgateError('CONFIG_INVALID', `version "${found.value}" is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. "1.4.0")`, {
      file: fileName,
      line,
      column,
      field: 'version',
      hint: 'set it to a valid semantic version (https://semver.org), such as "1.4.0" or "2.0.0-rc.1"',
    });
  }
  return { version: found.value, line, column };
}

/**
 * The content with only the version replaced by `next`. An npm lockfile (`package-lock.json`,
 * `npm-shrinkwrap.json`; lockfileVersion 2 and 3) holds the version twice: the top-level
 * `version` and `packages[""].version`, and both get it.
 */
export function writeVersion(fileName: string, content: string, next: string): string {
  if (semver.valid(next) !== next) {
    throw new ShipgateError('USAGE', `cannot write "${next}" to ${fileName}: not a semantic version`, { file: fileName, field: 'version' });
  }
  const spans = [locate(fileName, content), ...(isNpmLockfile(fileName) ? rootPackageVersion(content) : [])].sort((a, b) => b.start - a.start);
  return spans.reduce((text, found) => text.slice(0, found.start) + next + text.slice(found.end), content);
}

/** The lockfiles npm writes for a package: both keep the version in two places. */
export function isNpmLockfile(fileName: string): boolean {
  const base = (fileName.split(/[/\\]/).pop() ?? fileName).toLowerCase();
  return base === 'package-lock.json' || base === 'npm-shrinkwrap.json';
}

/** `packages[""].version` of a lockfile v2/v3 (none in v1). */
function rootPackageVersion(content: string): Found[] {
  const span = findMember(content, ['packages', '', 'version']);
  if (!span || content[span.start] !== '"') return [];
  return [{ value: JSON.parse(content.slice(span.start, span.end)) as string, start: span.start + 1, end: span.end - 1 }];
}

function kindOf(fileName: string): FileKind {
  const base = (fileName.split(/[/\\]/).pop() ?? fileName).toLowerCase();
  if (base.endsWith('.json')) return 'json';
  if (base.endsWith('.toml')) return 'toml';
  if (base === 'version' || base === 'version.txt') return 'plain';
  return 'text';
}

function locate(fileName: string, content: string): Found {
  const kind = kindOf(fileName);
  const found = kind === 'json' ? inJson(fileName, content) : kind === 'toml' ? inToml(content) : kind === 'plain' ? inPlain(content) : inText(content);
  if (!found) throw new ShipgateError('CONFIG_INVALID', 'no version found', { file: fileName, field: 'version', hint: HINTS[kind] });
  return found;
}

function inJson(fileName: string, content: string): Found | null {
  let span;
  try {
    span = findTopLevelMember(content, 'version');
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ShipgateError('CONFIG_INVALID', `not valid JSON: ${error.message}`, { file: fileName, ...positionAt(content, error.offset), hint: 'fix the JSON syntax at that position' });
  }
  if (!span) return null;
  const raw = content.slice(span.start, span.end);
  if (!raw.startsWith('"')) return { value: raw, start: span.start, end: span.end };
  return { value: JSON.parse(raw) as string, start: span.start + 1, end: span.end - 1 };
}

/** `version = "x"` in [project], [package], [tool.poetry] or [workspace.package], whichever comes first. */
function inToml(content: string): Found | null {
  let table = '';
  let offset = 0;
  for (const line of content.split('\n')) {
    const header = /^[ \t]*\[([^[\]]+)\][ \t]*(?:#.*)?\r?$/.exec(line);
    if (header) table = (header[1] ?? '').trim().replace(/[ \t]*\.[ \t]*/g, '.');
    else if (/^[ \t]*\[\[/.test(line)) table = '';
    else if (TOML_TABLES.has(table)) {
      const found = matchAt(TOML_VERSION.exec(line), offset, 1);
      if (found) return found;
    }
    offset += line.length + 1;
  }
  return null;
}

function inPlain(content: string): Found | null {
  const value = content.trim();
  if (!value) return null;
  const start = content.indexOf(value);
  return { value, start, end: start + value.length };
}

function inText(content: string): Found | null {
  let offset = 0;
  for (const line of content.split('\n')) {
    const found = matchAt(TEXT_VERSION.exec(line), offset, 2); // group 1 is the key's quote
    if (found) return found;
    offset += line.length + 1;
  }
  return null;
}

/** The captured value group, from `firstGroup` on (the regexes have one group per quoting style). */
function matchAt(match: RegExpExecArray | null, lineOffset: number, firstGroup: number): Found | null {
  if (!match?.indices) return null;
  for (let group = firstGroup; group < match.length; group += 1) {
    const value = match[group];
    const range = match.indices[group];
    if (value === undefined || !range) continue;
    return { value, start: lineOffset + range[0], end: lineOffset + range[1] };
  }
  return null;
}
