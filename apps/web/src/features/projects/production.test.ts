import { describe, expect, it } from 'vitest';
import { productionLine, productionOf, productionShort } from './production';

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

  it("takes the plan's answer from the remote, so a project Shipgate never deployed still says what runs", () => {
    const planned = { commit: 'abcdef0123', tag: 'v1.4.0', version: '1.4.0', since: null, source: 'deploy-provider' as const, explanation: 'git-branch production is at abcdef0, the commit of v1.4.0' };
    expect(productionLine(productionOf(null, planned))).toBe('Production runs 1.4.0.');
    // the remote is the truth when the record is behind it; the record's release only when it is the same commit
    expect(productionOf({ ...production, version: '1.3.0', commit: '0000000' }, planned)).toEqual({ version: '1.4.0', tag: 'v1.4.0', commit: 'abcdef0123', since: null, releaseId: null });
    expect(productionOf(production, planned)?.releaseId).toBe('rel_1');
    // no plan yet, or a plan that cannot tell: the record
    expect(productionOf(production, null)).toBe(production);
    expect(productionOf(undefined, undefined)).toBeNull();
  });
});
