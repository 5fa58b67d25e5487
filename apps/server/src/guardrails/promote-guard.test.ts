import { describe, expect, it } from 'vitest';
import { promoteGuard } from './promote-guard.js';

const weekends = { name: 'weekends', days: ['sat', 'sun'] as ('sat' | 'sun')[], timezone: 'Europe/Berlin' };
const saturday = new Date('2026-11-28T12:00:00Z');
const tuesday = new Date('2026-12-01T12:00:00Z');
const lock = { reason: 'v1.6.0 was rolled back automatically: unlock when the fix is in', by: 'Shipgate', since: '2026-11-30T01:00:00Z', automatic: true };

describe('promoteGuard', () => {
  it('lets a promote through outside freezes on an unlocked project', () => {
    expect(promoteGuard({ lock: null, freezes: [weekends], now: tuesday, mayOverride: false })).toEqual({ ok: true, overrode: null });
  });
  it('a lock answers 423 with the lock, whoever asks, even with an override', () => {
    expect(promoteGuard({ lock, freezes: [], now: tuesday, mayOverride: true, override: { reason: 'hotfix' } })).toMatchObject({ ok: false, status: 423, body: { error: 'locked', lock } });
  });
  it('a freeze answers 423 naming it and when it ends', () => {
    expect(promoteGuard({ lock: null, freezes: [weekends], now: saturday, mayOverride: false })).toMatchObject({
      ok: false,
      status: 423,
      body: { error: 'frozen', freeze: 'weekends', until: '2026-11-29T23:00:00.000Z' },
    });
  });
  it('only an admin overrides a freeze, with a reason that is kept', () => {
    expect(promoteGuard({ lock: null, freezes: [weekends], now: saturday, mayOverride: false, override: { reason: 'security fix' } })).toMatchObject({ ok: false, status: 403 });
    expect(promoteGuard({ lock: null, freezes: [weekends], now: saturday, mayOverride: true, override: { reason: 'security fix' } })).toEqual({
      ok: true,
      overrode: { freeze: 'weekends', until: '2026-11-29T23:00:00.000Z', reason: 'security fix' },
    });
  });
});
