import { describe, expect, it } from 'vitest';
import { instantText, ISO_INSTANT, relativeText } from './instant';

describe('instant formats', () => {
  it('says how long ago a recent instant was, and nothing relative past a day', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(relativeText('2026-11-29T11:57:00Z', now)).toMatch(/3 min/);
    expect(relativeText('2026-11-29T11:59:50Z', now)).toBe('just now');
    expect(relativeText('2026-11-29T09:00:00Z', now)).toMatch(/3 hr/);
    expect(relativeText('2026-11-27T12:00:00Z', now)).toBeNull();
  });

  it('shows an instant in the locale format, never as ISO', () => {
    const text = instantText('2026-11-29T12:00:00Z');
    expect(text).not.toContain('T12:00');
    expect(text).toMatch(/2026/);
    expect(instantText('not a date')).toBe('not a date');
  });

  it('finds the engine’s ISO instants inside a sentence', () => {
    const found = 'approved at 2026-11-20T14:55:00Z by Jane, until 2026-11-20T15:00:12.345+01:00.'.match(ISO_INSTANT);
    expect(found).toEqual(['2026-11-20T14:55:00Z', '2026-11-20T15:00:12.345+01:00']);
    expect('version 2026-11-20 only'.match(ISO_INSTANT)).toBeNull();
  });
});
