import { describe, expect, it } from 'vitest';
import { applyToFeed, emptyFeed } from './release-feed';
import type { SeqEvent } from './types';

const log = (seq: number): SeqEvent => ({ seq, at: '2026-01-01T00:00:00Z', event: { type: 'step.log', step: 'deploy', line: `line-${seq}` } });

describe('applyToFeed', () => {
  it('keeps every line once, in seq order, when a replay overlaps what it already has', () => {
    const first = applyToFeed(emptyFeed(), [log(1), log(2), log(3)]);
    const resumed = applyToFeed(first, [log(2), log(3), log(5), log(4)]);
    expect(resumed.logs['deploy']?.map((l) => l.line)).toEqual(['line-1', 'line-2', 'line-3', 'line-4', 'line-5']);
    expect(resumed.lastSeq).toBe(5);
  });

  it('returns the same feed when nothing is new', () => {
    const feed = applyToFeed(emptyFeed(), [log(1)]);
    expect(applyToFeed(feed, [log(1)])).toBe(feed);
  });
});
