import { describe, expect, it } from 'vitest';
import type { MonitoringThresholds } from '../config/config-types.js';
import { histogramQuantile, type HistogramBucket } from './histogram-quantile.js';
import { judge } from './judge.js';
import type { WindowStats } from './metric-source.js';
import { seededRandom } from './testing/seeded-random.js';

const thresholds: MonitoringThresholds = { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.25, minRequests: 100 };
const at = new Date('2026-11-26T10:05:00Z');
const windowEndsAt = new Date('2026-11-26T10:15:00Z');

/** 10 ms buckets to 1 s; `perBucket(upperMs)` gives the count in each. */
function histogram(total: number, shiftMs = 0): HistogramBucket[] {
  const buckets: HistogramBucket[] = [];
  for (let le = 10; le <= 1000; le += 10) {
    // a triangular-ish shape: 95% of requests at or below 200 ms (+ shift)
    const cut = 200 + shiftMs;
    const share = le <= cut ? (0.95 * le) / cut : 0.95 + (0.05 * Math.min(le - cut, 200)) / 200;
    buckets.push({ le: le / 1000, count: Math.round(total * Math.min(1, share)) });
  }
  buckets.push({ le: Number.POSITIVE_INFINITY, count: total });
  return buckets;
}

function stats(requests: number, errors: number, shiftMs = 0): WindowStats {
  const h = histogram(requests, shiftMs);
  return { from: '', to: '', requests, errors, histogram: h, p95Ms: histogramQuantile(0.95, h) * 1000 };
}

describe('judge', () => {
  it('fails an error-rate increase whose whole interval is above the allowed increase, and says so', () => {
    const result = judge({ baseline: stats(10_000, 40), current: stats(10_000, 620), thresholds, at, windowEndsAt });
    expect(result.verdict).toBe('FAIL');
    expect(result.reason).toMatch(/^error rate 6\.2% vs baseline 0\.40%: the increase \+5\.8 pp \(95% CI \+5\.3 to \+6\.3 pp\) is above the allowed 1 pp$/);
    expect(result.sample.errorRateDiff?.lower).toBeGreaterThan(1);
    expect(result.sample).toMatchObject({ verdict: 'FAIL', current: { requests: 10_000, errorRate: 0.062 }, baseline: { errorRate: 0.004 } });
  });

  it('passes when both the error-rate and the latency intervals are below their limits', () => {
    const result = judge({ baseline: stats(20_000, 100), current: stats(10_000, 52), thresholds, at, windowEndsAt });
    expect(result.verdict).toBe('PASS');
    expect(result.reason).toContain('is below the allowed 1 pp');
    expect(result.reason).toContain('p95 200 ms vs baseline 200 ms');
    expect(result.sample.latencyRatio?.estimate).toBeCloseTo(1);
  });

  it('is inconclusive when the interval straddles the allowed increase', () => {
    const result = judge({ baseline: stats(1_000, 5), current: stats(1_000, 20), thresholds, at, windowEndsAt });
    expect(result.verdict).toBe('INCONCLUSIVE');
    expect(result.reason).toMatch(/cannot yet be told apart from the allowed 1 pp/);
  });

  it('fails a tail-latency regression by the share of requests slower than baseline p95 + 10%', () => {
    const result = judge({ baseline: stats(20_000, 100), current: stats(10_000, 50, 80), thresholds, at, windowEndsAt });
    expect(result.verdict).toBe('FAIL');
    // the limit is taken from the top of the baseline p95's own interval (199–212 ms), not from 200 ms as if exact
    expect(result.reason).toMatch(
      /^p95 280 ms vs baseline 200 ms: \d+\.\d% of requests are slower than 233 ms \(baseline p95 \+10%; the baseline p95 itself is 199 ms–212 ms\), 95% CI .* more than the 5%/,
    );
    expect(result.sample.latencyRatio?.lower).toBeGreaterThan(1.1);
  });

  it('says "not enough traffic" instead of guessing below the minimum', () => {
    expect(judge({ baseline: stats(5_000, 20), current: stats(40, 0), thresholds, at, windowEndsAt })).toMatchObject({
      verdict: 'NO_DATA',
      reason: 'not enough traffic: 40 requests, need 100',
    });
    expect(judge({ baseline: stats(60, 0), current: stats(5_000, 20), thresholds, at, windowEndsAt }).reason).toBe(
      'not enough traffic in the baseline: 60 requests, need 100',
    );
  });

  it('fails at once when the latest interval crosses the outage ceiling, even if the whole window has not', () => {
    const result = judge({
      baseline: stats(5_000, 20),
      current: stats(10_000, 600),
      latest: stats(1_000, 500),
      thresholds,
      at,
      windowEndsAt,
    });
    expect(result).toMatchObject({ verdict: 'FAIL', isCeilingBreach: true });
    expect(result.reason).toBe('error rate 50.0% (500 of 1000 requests) is above the 25% ceiling for an outright outage');
  });

  it('judges the error rate alone, and says so, when the data has no latency', () => {
    const noLatency = (requests: number, errors: number): WindowStats => ({ from: '', to: '', requests, errors, histogram: null, p95Ms: null });
    const result = judge({ baseline: noLatency(5_000, 20), current: noLatency(5_000, 22), thresholds, at, windowEndsAt });
    expect(result.verdict).toBe('PASS');
    expect(result.reason).toMatch(/latency not measured/);
    expect(result.sample.latencyRatio).toBeNull();
  });

  it('fails an outright outage at low traffic at once: the ceiling needs no minimum count when nearly all requests fail', () => {
    const result = judge({ baseline: stats(5_000, 20), current: stats(40, 36), latest: stats(40, 36), thresholds, at, windowEndsAt });
    expect(result).toMatchObject({ verdict: 'FAIL', isCeilingBreach: true });
    expect(judge({ baseline: stats(5_000, 20), current: stats(40, 14), latest: stats(40, 14), thresholds, at, windowEndsAt }).isCeilingBreach).toBe(false);
  });
});

describe('judge, per interval (the baseline and the judged stretch cut into 10-second intervals)', () => {
  const random = seededRandom(42);
  /** `count` intervals of 500 requests with about `ratePercent`% errors, the i-th given by `rateAt`. */
  function sliced(count: number, rateAt: (i: number) => number, startMs = 0): WindowStats {
    const slices = Array.from({ length: count }, (_, i): WindowStats => {
      const requests = 500;
      const rate = rateAt(i) / 100;
      const errors = Math.max(0, Math.round(requests * rate + Math.sqrt(requests * rate * (1 - rate)) * random.normal()));
      const from = new Date(startMs + i * 10_000).toISOString();
      const to = new Date(startMs + (i + 1) * 10_000).toISOString();
      return { from, to, requests, errors, histogram: null, p95Ms: null };
    });
    const requests = slices.reduce((sum, s) => sum + s.requests, 0);
    const errors = slices.reduce((sum, s) => sum + s.errors, 0);
    return { from: slices[0]!.from, to: slices.at(-1)!.to, requests, errors, histogram: null, p95Ms: null, slices };
  }
  const t0 = Date.parse('2026-11-26T10:00:00Z');
  const baseline = sliced(90, () => 0.3, t0 - 900_000);
  const latestOf = (current: WindowStats) => current.slices!.slice(-3).reduce((a, b) => ({ ...a, to: b.to }));

  it('fails a rise in every interval, and names the per-interval increase with its interval over all looks', () => {
    const current = sliced(30, () => 3.3, t0 + 120_000);
    const result = judge({ baseline, current, latest: latestOf(current), thresholds, at, windowEndsAt, looks: 28 });
    expect(result.verdict).toBe('FAIL');
    expect(result.reason).toMatch(/^error rate 3\.\d% vs baseline 0\.\d+%: the per-interval increase \+[23]\.\d pp \(95% CI over 28 looks \+2\.\d to \+3\.\d pp; 30 intervals after the deploy vs 90 before\) is above the allowed 1 pp$/);
    expect(result.sample.errorRateDiff!.lower).toBeGreaterThan(1);
  });

  it('does not fail a burst that lifts the pooled error rate by 2 pp, which a pooled binomial test fails', () => {
    // 6 of 30 intervals (a minute) at 10% errors: the pooled rate rises by ~2 pp
    const current = sliced(30, (i) => (i >= 10 && i < 16 ? 10 : 0.3), t0 + 120_000);
    const { slices: _b, ...pooledBaseline } = baseline;
    const { slices: _c, ...pooledCurrent } = current;
    const pooled = judge({ baseline: pooledBaseline, current: pooledCurrent, thresholds, at, windowEndsAt, looks: 28 });
    expect(pooled.verdict).toBe('FAIL');
    const result = judge({ baseline, current, latest: latestOf(current), thresholds, at, windowEndsAt, looks: 28 });
    expect(result.verdict).toBe('PASS');
    expect(result.sample.errorRateDiff!.upper).toBeLessThan(1);
  });

  it('holds a FAIL back while too few intervals are judged, and when the latest intervals are back to normal', () => {
    const early = sliced(12, () => 8, t0 + 120_000);
    const tooFew = judge({ baseline, current: early, latest: latestOf(early), thresholds, at, windowEndsAt, looks: 28 });
    expect(tooFew.verdict).toBe('INCONCLUSIVE');
    expect(tooFew.reason).toMatch(/is above the allowed 1 pp, but only 120 s judged so far, a FAIL needs 180 s: not a FAIL yet; latency not measured/);
    const ended = sliced(24, (i) => (i < 20 ? 8 : 0.3), t0 + 120_000);
    const transient = judge({ baseline, current: ended, latest: latestOf(ended), thresholds, at, windowEndsAt, looks: 28 });
    expect(transient.verdict).toBe('INCONCLUSIVE');
    expect(transient.reason).toMatch(/is above the allowed 1 pp, but the latest intervals are back within the limit \(a transient\?\): not a FAIL yet/);
  });

  it('falls back to pooled counts, and says so, when the baseline has too few intervals', () => {
    const short = sliced(2, () => 0.3, t0 - 20_000);
    const current = sliced(6, () => 15, t0 + 2_000);
    const result = judge({ baseline: short, current, latest: current, thresholds, at, windowEndsAt, looks: 8 });
    expect(result.verdict).toBe('FAIL');
    expect(result.reason).toMatch(/\(95% CI over 8 looks \+1\d\.\d to \+1\d\.\d pp; pooled counts: the baseline has only 2 intervals, too few to see how bursty errors are\) is above the allowed 1 pp$/);
  });
});

