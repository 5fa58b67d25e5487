import { describe, expect, it } from 'vitest';
import { applyToFeed, emptyFeed } from './release-feed';
import type { MonitorSample, SeqEvent } from './types';

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

  it('keeps the sample a verdict repeats once, and a sample only the verdict carries', () => {
    const sample = (at: string): MonitorSample => ({
      at,
      baseline: { errorRate: 0.003, p95Ms: 200, requests: 600 },
      current: { errorRate: 0.15, p95Ms: 210, requests: 900 },
      thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.5 },
      verdict: 'FAIL',
      windowEndsAt: '2026-01-01T00:01:00Z',
    });
    const at = '2026-01-01T00:00:00Z';
    const watched = applyToFeed(emptyFeed(), [
      { seq: 1, at, event: { type: 'monitor.sample', sample: sample('2026-01-01T00:00:10Z') } },
      { seq: 2, at, event: { type: 'monitor.verdict', verdict: 'FAIL', reason: 'error rate above', sample: sample('2026-01-01T00:00:10Z') } },
    ]);
    expect(watched.samples.map((s) => s.at)).toEqual(['2026-01-01T00:00:10Z']);
    expect(watched.verdict).toEqual({ verdict: 'FAIL', reason: 'error rate above' });
    const onlyVerdict = applyToFeed(emptyFeed(), [{ seq: 1, at, event: { type: 'monitor.verdict', verdict: 'FAIL', reason: 'x', sample: sample('2026-01-01T00:00:20Z') } }]);
    expect(onlyVerdict.samples).toHaveLength(1);
  });

  it('keeps the baseline measurement as its own phase', () => {
    const at = '2026-01-01T00:00:00Z';
    const feed = applyToFeed(emptyFeed(), [{ seq: 1, at, event: { type: 'monitor.baseline', startedAt: at, endsAt: '2026-01-01T00:00:15Z', seconds: 15 } }]);
    expect(feed.baseline).toEqual({ startedAt: at, endsAt: '2026-01-01T00:00:15Z', seconds: 15 });
  });
});
