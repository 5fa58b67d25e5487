import { describe, expect, it } from 'vitest';
import { activeFreeze, isKnownTimeZone, upcomingFreeze, type Freeze } from './freeze-window.js';

const yearEnd: Freeze = { name: 'year-end', from: '2026-12-20T00:00:00Z', to: '2027-01-04T00:00:00Z' };
const weekends: Freeze = { name: 'weekends', days: ['sat', 'sun'], timezone: 'Europe/Berlin' };

describe('freezes', () => {
  it('a fixed window: frozen from `from` (inclusive) to `to` (exclusive)', () => {
    expect(activeFreeze([yearEnd], new Date('2026-12-19T23:59:59Z'))).toBeNull();
    expect(activeFreeze([yearEnd], new Date('2026-12-20T00:00:00Z'))).toMatchObject({ name: 'year-end', until: '2027-01-04T00:00:00.000Z' });
    expect(activeFreeze([yearEnd], new Date('2027-01-04T00:00:00Z'))).toBeNull();
  });

  it('weekends in Berlin end at Monday 00:00 Berlin time, in winter (UTC+1) and in summer (UTC+2)', () => {
    // Saturday 2026-11-28 12:00 UTC is Saturday in Berlin
    expect(activeFreeze([weekends], new Date('2026-11-28T12:00:00Z'))).toMatchObject({ name: 'weekends', until: '2026-11-29T23:00:00.000Z' });
    // Friday 23:30 UTC is already Saturday 00:30 in Berlin
    expect(activeFreeze([weekends], new Date('2026-11-27T23:30:00Z'))).toMatchObject({ until: '2026-11-29T23:00:00.000Z' });
    // Sunday 23:30 UTC is Monday 00:30 in Berlin: not frozen
    expect(activeFreeze([weekends], new Date('2026-11-29T23:30:00Z'))).toBeNull();
    expect(activeFreeze([weekends], new Date('2026-07-04T10:00:00Z'))).toMatchObject({ until: '2026-07-05T22:00:00.000Z' });
  });

  it('a zone with a :45 offset (Kathmandu, UTC+5:45) ends at its own midnight', () => {
    const sunday: Freeze = { name: 'sunday', days: ['sun'], timezone: 'Asia/Kathmandu' };
    expect(activeFreeze([sunday], new Date('2026-11-29T12:00:00Z'))).toMatchObject({ until: '2026-11-29T18:15:00.000Z' });
  });

  it('overlapping and back-to-back freezes chain: until is when a promote is possible again', () => {
    // year-end ends Monday 2027-01-04 00:00 UTC = 01:00 Berlin (Monday): the weekend before runs into it
    expect(activeFreeze([weekends, yearEnd], new Date('2027-01-02T12:00:00Z'))).toMatchObject({ name: 'weekends', until: '2027-01-04T00:00:00.000Z' });
    const friday: Freeze = { name: 'friday', days: ['fri'], timezone: 'Europe/Berlin' };
    expect(activeFreeze([friday, weekends], new Date('2026-11-27T12:00:00Z'))).toMatchObject({ name: 'friday', until: '2026-11-29T23:00:00.000Z' });
  });

  it('tells the next freeze within the horizon, to the minute it starts', () => {
    expect(upcomingFreeze([weekends], new Date('2026-11-25T10:00:00Z'))).toMatchObject({ name: 'weekends', from: '2026-11-27T23:00:00.000Z', until: '2026-11-29T23:00:00.000Z' });
    expect(upcomingFreeze([yearEnd], new Date('2026-11-25T10:00:00Z'), 14)).toBeNull();
    expect(upcomingFreeze([yearEnd], new Date('2026-12-10T10:00:00Z'), 14)).toMatchObject({ from: '2026-12-20T00:00:00.000Z' });
  });

  it('knows real time zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
