import { describe, expect, it } from 'vitest';
import { releaseTagAt } from './release-tag-at.js';

describe('releaseTagAt', () => {
  const refs = new Map([
    ['refs/heads/production', 'c2'],
    ['refs/tags/v2.6.0', 't1'],
    ['refs/tags/v2.6.0^{}', 'c1'],
    ['refs/tags/v2.7.0', 't2'],
    ['refs/tags/v2.7.0^{}', 'c2'],
    ['refs/tags/v2.7.1', 'c2'],
  ]);

  it('names the highest release tag at a commit, peeling annotated tags', () => {
    expect(releaseTagAt(refs, 'c2', 'v')).toEqual({ tag: 'v2.7.1', version: '2.7.1' });
    expect(releaseTagAt(refs, 'c1', 'v')).toEqual({ tag: 'v2.6.0', version: '2.6.0' });
  });

  it('is null for a commit no release tag marks', () => {
    expect(releaseTagAt(refs, 'c9', 'v')).toBeNull();
  });
});
