// The next version: the highest bump of the commits and the CHANGELOG, unless --bump overrides.
// Pre-1.0 versions follow semver's `inc` literally: a breaking change on 0.x goes to 1.0.0,
// a feat on 0.3.1 to 0.4.0. One rule for every version, no surprise "0.x majors".
import semver from 'semver';
import { ShipgateError } from '../errors.js';
import type { Bump, BumpReason, BumpRequest } from '../model/plan-types.js';
import { maxBump } from './bump.js';

export type BumpSource = 'commits' | 'changelog' | 'commits+changelog' | 'override';

export interface BumpAnalysis {
  bump: Bump | null;
  reasons: BumpReason[];
}

export interface DecideVersionInput {
  current: string;
  commits: BumpAnalysis;
  changelog: BumpAnalysis;
  override?: BumpRequest | undefined;
}

export interface VersionDecision {
  next: string | null;
  bump: Bump | null;
  source: BumpSource | null;
  reasons: BumpReason[];
}

const BUMP_WORDS = ['major', 'minor', 'patch'] as const;
const ALLOWED = 'auto, major, minor, patch, or an explicit version X.Y.Z';

export function decideVersion(input: DecideVersionInput): VersionDecision {
  const current = semver.valid(input.current);
  if (!current) {
    throw new ShipgateError('CONFIG_INVALID', `the current version "${input.current}" is not a semantic version (expected MAJOR.MINOR.PATCH)`, {
      field: 'version',
      hint: 'set the version file to a valid version such as "1.2.0"',
    });
  }
  const reasons = [...input.commits.reasons, ...input.changelog.reasons];
  const override = input.override?.trim() ?? 'auto';
  if (override === 'auto' || override === '') return automatic(current, input, reasons);
  if (isBumpWord(override)) {
    return { next: increment(current, override), bump: override, source: 'override', reasons: [overrideReason(override, override), ...reasons] };
  }
  const explicit = explicitVersion(current, override);
  const bump = bumpBetween(current, explicit);
  return { next: explicit, bump, source: 'override', reasons: [overrideReason(override, bump), ...reasons] };
}

function automatic(current: string, input: DecideVersionInput, reasons: BumpReason[]): VersionDecision {
  const bump = maxBump(input.commits.bump, input.changelog.bump);
  if (bump === null) return { next: null, bump: null, source: null, reasons };
  // both counted when each releases something, even if one alone decides the size (issue 17)
  const fromCommits = input.commits.bump !== null;
  const fromChangelog = input.changelog.bump !== null;
  const source: BumpSource = fromCommits && fromChangelog ? 'commits+changelog' : fromCommits ? 'commits' : 'changelog';
  return { next: increment(current, bump), bump, source, reasons };
}

function isBumpWord(value: string): value is Bump {
  return (BUMP_WORDS as readonly string[]).includes(value);
}

function increment(current: string, bump: Bump): string {
  const next = semver.inc(current, bump);
  if (!next) throw new ShipgateError('INTERNAL', `cannot increment ${current} by ${bump}`);
  return next;
}

function explicitVersion(current: string, value: string): string {
  if (!/^v?\d/.test(value)) {
    throw new ShipgateError('USAGE', `unknown bump "${value}" (allowed: ${ALLOWED})`, {
      field: '--bump',
      hint: 'use --bump auto to let the commits and the CHANGELOG decide',
    });
  }
  const version = semver.valid(value);
  if (!version) {
    throw new ShipgateError('USAGE', `"${value}" is not a semantic version (expected X.Y.Z, e.g. ${semver.inc(current, 'minor')})`, {
      field: '--bump',
      hint: `allowed: ${ALLOWED}`,
    });
  }
  if (!semver.gt(version, current)) {
    throw new ShipgateError('USAGE', `--bump ${version} is not greater than the current version ${current}`, {
      field: '--bump',
      hint: `pick a version above ${current} (e.g. ${semver.inc(current, 'patch')}) or use --bump patch|minor|major`,
    });
  }
  return version;
}

/** The bump an explicit version amounts to (pre-release steps count as the part they change). */
function bumpBetween(current: string, next: string): Bump {
  const diff = semver.diff(current, next);
  if (diff === 'major' || diff === 'premajor') return 'major';
  if (diff === 'minor' || diff === 'preminor') return 'minor';
  return 'patch';
}

function overrideReason(request: string, bump: Bump): BumpReason {
  return { bump, note: `--bump ${request} overrides what the commits and the CHANGELOG say` };
}
