import { describe, expect, it } from 'vitest';
import { productionLine, productionShort } from './production';

describe('production', () => {
  it('prefers the version Shipgate recorded', () => {
    expect(productionShort('1.5.0', { commit: 'abcdef0123', version: '1.4.0' })).toBe('1.5.0');
    expect(productionLine('1.5.0', null)).toBe('Production runs 1.5.0.');
  });

  it('falls back to the tag the plan saw on the deploy branch, on both screens', () => {
    const seen = { commit: 'abcdef0123', version: '1.4.0' };
    expect(productionShort(null, seen)).toBe('1.4.0');
    expect(productionLine(null, seen)).toBe('Production runs 1.4.0 (its deploy branch is at that tag).');
  });

  it('names an untagged commit, and says so when nothing is known', () => {
    expect(productionShort(null, { commit: 'abcdef0123', version: null })).toBe('commit abcdef0 (no release tag)');
    expect(productionShort(null, null)).toBe('not deployed by Shipgate yet');
    expect(productionLine(undefined, undefined)).toBe('Production runs a version not deployed by Shipgate yet.');
  });
});
