import { describe, expect, it } from 'vitest';
import { productionLine, productionShort } from './production';

const production = { version: '1.4.0', tag: 'v1.4.0', commit: 'abcdef0123', since: null, releaseId: 'rel_1' };

describe('production', () => {
  it('says the version the server reports, and nothing else', () => {
    expect(productionShort(production)).toBe('1.4.0');
    expect(productionLine(production)).toBe('Production runs 1.4.0.');
  });

  it('names an untagged commit', () => {
    expect(productionShort({ ...production, version: null, tag: null })).toBe('commit abcdef0 (no release tag)');
    expect(productionLine({ ...production, version: null, tag: null })).toBe('Production runs commit abcdef0, which no release tag marks.');
  });

  it('says so when nothing can tell', () => {
    expect(productionShort(null)).toBe('not deployed by Shipgate yet');
    expect(productionLine(undefined)).toBe('Production runs a version not deployed by Shipgate yet.');
  });
});
