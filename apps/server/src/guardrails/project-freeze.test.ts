import { describe, expect, it } from 'vitest';
import { projectFreeze } from './project-freeze.js';

const weekends = { name: 'weekends', days: ['sat' as const, 'sun' as const], timezone: 'Europe/Berlin' };

describe('projectFreeze', () => {
  it('is the active freeze while promotes are frozen', () => {
    expect(projectFreeze([weekends], new Date('2026-11-28T12:00:00Z'))).toEqual({ name: 'weekends', from: '2026-11-28T12:00:00.000Z', until: '2026-11-29T23:00:00.000Z', active: true });
  });
  it('is the next freeze within the horizon otherwise, and null without one', () => {
    expect(projectFreeze([weekends], new Date('2026-11-25T10:00:00Z'))).toEqual({ name: 'weekends', from: '2026-11-27T23:00:00.000Z', until: '2026-11-29T23:00:00.000Z', active: false });
    const yearEnd = { name: 'year-end', from: '2026-12-20T00:00:00Z', to: '2027-01-04T00:00:00Z' };
    expect(projectFreeze([yearEnd], new Date('2026-11-25T10:00:00Z'))).toBeNull();
    expect(projectFreeze([], new Date())).toBeNull();
  });
});
