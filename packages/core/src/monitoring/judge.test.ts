import { describe, expect, it } from 'vitest';
import type { MonitoringThresholds } from '../config/config-types.js';
import { histogramQuantile, type HistogramBucket } from './histogram-quantile.js';
import { judge } from './judge.js';
import type { WindowStats } from './metric-source.js';

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
    expect(result.reason).toMatch(/^p95 280 ms vs baseline 200 ms: \d+\.\d% of requests are slower than 220 ms \(baseline p95 \+10%\), 95% CI .* more than the 5%/);
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
});
