import { describe, expect, it } from 'vitest';
import { thrownShipgateError } from '../testing/thrown-shipgate-error.js';
import type { Bump, BumpReason } from '../model/plan-types.js';
import { decideVersion } from './decide-version.js';

const none = { bump: null, reasons: [] };
function analysis(bump: Bump | null, note = 'x'): { bump: Bump | null; reasons: BumpReason[] } {
  return { bump, reasons: [{ bump: bump ?? 'none', note }] };
}


describe('decideVersion', () => {
  it('takes the highest of the commits and the CHANGELOG', () => {
    const decision = decideVersion({ current: '2.6.0', commits: analysis('patch', 'c'), changelog: analysis('minor', 'l') });
    expect(decision).toEqual({ next: '2.7.0', bump: 'minor', source: 'commits+changelog', reasons: [{ bump: 'patch', note: 'c' }, { bump: 'minor', note: 'l' }] });
    expect(decideVersion({ current: '2.6.0', commits: analysis('major'), changelog: analysis('minor') })).toMatchObject({ next: '3.0.0', source: 'commits+changelog' });
  });

  it('names both sources when both release something, whichever is higher (dotenv: two fixes and a ### Removed)', () => {
    expect(decideVersion({ current: '2.6.0', commits: analysis('minor'), changelog: analysis('minor') }).source).toBe('commits+changelog');
    expect(decideVersion({ current: '17.4.2', commits: analysis('patch'), changelog: analysis('major') })).toMatchObject({ next: '18.0.0', source: 'commits+changelog' });
  });

  it('names one source when only it releases something', () => {
    expect(decideVersion({ current: '2.6.0', commits: analysis('patch'), changelog: { bump: null, reasons: [] } }).source).toBe('commits');
    expect(decideVersion({ current: '2.6.0', commits: { bump: null, reasons: [{ bump: 'none', note: 'chore' }] }, changelog: analysis('minor') }).source).toBe('changelog');
  });

  it('gives no next version when nothing is releasable (never a silent patch)', () => {
    const decision = decideVersion({ current: '2.6.0', commits: analysis(null, 'chore: releases nothing'), changelog: none });
    expect(decision).toEqual({ next: null, bump: null, source: null, reasons: [{ bump: 'none', note: 'chore: releases nothing' }] });
    expect(decideVersion({ current: '2.6.0', commits: none, changelog: none, override: 'auto' }).next).toBeNull();
  });

  it('follows semver.inc before 1.0: a breaking change goes to 1.0.0', () => {
    expect(decideVersion({ current: '0.3.1', commits: analysis('major'), changelog: none }).next).toBe('1.0.0');
    expect(decideVersion({ current: '0.3.1', commits: analysis('minor'), changelog: none }).next).toBe('0.4.0');
    expect(decideVersion({ current: '0.3.1', commits: analysis('patch'), changelog: none }).next).toBe('0.3.2');
  });

  it('finishes a pre-release with the bump it asks for (semver.inc)', () => {
    expect(decideVersion({ current: '3.0.0-rc.1', commits: analysis('major'), changelog: none }).next).toBe('3.0.0');
  });

  it('lets --bump major|minor|patch override, even when nothing is releasable', () => {
    const decision = decideVersion({ current: '2.6.0', commits: none, changelog: none, override: 'patch' });
    expect(decision).toMatchObject({ next: '2.6.1', bump: 'patch', source: 'override' });
    expect(decision.reasons[0]?.note).toMatch(/--bump patch overrides/);
    expect(decideVersion({ current: '2.6.0', commits: analysis('major'), changelog: none, override: 'minor' }).next).toBe('2.7.0');
  });

  it('accepts an explicit version above the current one', () => {
    expect(decideVersion({ current: '2.6.0', commits: none, changelog: none, override: '3.0.0' })).toMatchObject({ next: '3.0.0', bump: 'major', source: 'override' });
    expect(decideVersion({ current: '2.6.0', commits: none, changelog: none, override: 'v2.6.5' })).toMatchObject({ next: '2.6.5', bump: 'patch' });
    expect(decideVersion({ current: '2.6.0', commits: none, changelog: none, override: '2.7.0-rc.1' })).toMatchObject({ next: '2.7.0-rc.1', bump: 'minor' });
  });

  it('refuses an explicit version that is not greater than the current one', () => {
    for (const override of ['2.6.0', '2.5.9']) {
      const error = thrownShipgateError(() => decideVersion({ current: '2.6.0', commits: none, changelog: none, override }));
      expect(error.code).toBe('USAGE');
      expect(error.location.field).toBe('--bump');
      expect(error.message).toContain('not greater than the current version 2.6.0');
      expect(error.hint).toContain('2.6.1');
    }
  });

  it('refuses an explicit version that is not semver', () => {
    const error = thrownShipgateError(() => decideVersion({ current: '2.6.0', commits: none, changelog: none, override: '2.7' }));
    expect(error).toMatchObject({ code: 'USAGE', location: { field: '--bump' } });
    expect(error.message).toContain('"2.7" is not a semantic version');
  });

  it('refuses an unknown bump word, listing the allowed values', () => {
    const error = thrownShipgateError(() => decideVersion({ current: '2.6.0', commits: none, changelog: none, override: 'huge' }));
    expect(error).toMatchObject({ code: 'USAGE', location: { field: '--bump' } });
    expect(error.message).toBe('unknown bump "huge" (allowed: auto, major, minor, patch, or an explicit version X.Y.Z)');
    expect(error.hint).toBeTruthy();
  });

  it('refuses a current version that is not semver', () => {
    expect(thrownShipgateError(() => decideVersion({ current: 'banana', commits: analysis('patch'), changelog: none })).code).toBe('CONFIG_INVALID');
  });
});
