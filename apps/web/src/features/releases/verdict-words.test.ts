import { describe, expect, it } from 'vitest';
import type { MonitorSample } from '../../api/types';
import { monitoringOutcome, verdictHeadline } from './verdict-words';

const sample = (errorRate: number, p95Ms: number, verdict: MonitorSample['verdict'] = 'PASS'): MonitorSample => ({
  at: '2026-11-26T08:36:16Z',
  baseline: { errorRate: 0.002, p95Ms: 185, requests: 600 },
  current: { errorRate, p95Ms, requests: 320 },
  thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.5 },
  verdict,
  windowEndsAt: '2026-11-26T08:37:06Z',
});

describe('the verdict in plain words', () => {
  it('says which number crossed which line, what it was before, and where production is now', () => {
    expect(verdictHeadline({ verdict: 'FAIL', sample: sample(0.089, 180, 'FAIL'), status: 'rolled_back', previousVersion: '1.5.0' })).toBe(
      'Error rate 8.9% — limit 1.2% (it was 0.2% before the deploy). Rolled back to 1.5.0.',
    );
    expect(verdictHeadline({ verdict: 'FAIL', sample: sample(0.002, 450, 'FAIL'), status: 'rolling_back', previousVersion: '1.5.0' })).toBe(
      'p95 latency 450 ms — limit 204 ms (it was 185 ms before the deploy). Rolling back to 1.5.0…',
    );
    expect(verdictHeadline({ verdict: 'FAIL', sample: sample(0.7, 180, 'FAIL'), status: 'rolled_back', previousVersion: null })).toBe(
      'Error rate 70.0% — over the 50% outage ceiling (it was 0.2% before the deploy). Rolled back to the previous version.',
    );
  });

  it('says healthy with the numbers, and says when there is not enough data yet', () => {
    expect(verdictHeadline({ verdict: 'PASS', sample: sample(0.001, 180), status: 'succeeded', previousVersion: '1.4.0' })).toBe(
      'Healthy: error rate 0.1% (limit 1.2%), p95 latency 180 ms (limit 204 ms) through the watch window.',
    );
    expect(verdictHeadline({ verdict: null, sample: sample(0.03, 180, 'NO_DATA'), status: 'monitoring', previousVersion: '1.4.0' })).toMatch(/not enough data yet/);
    expect(verdictHeadline({ verdict: null, sample: sample(0.001, 180), status: 'monitoring', previousVersion: '1.4.0' })).toBe(
      'So far within the limits: error rate 0.1% (limit 1.2%), p95 latency 180 ms (limit 204 ms).',
    );
  });

  it('sums up the release bar after a breach: what was rolled back and what production runs', () => {
    expect(monitoringOutcome({ status: 'rolled_back', version: '1.6.0', previousVersion: '1.5.0' })).toBe('Monitoring caught a breach and rolled 1.6.0 back: production runs 1.5.0 again.');
    expect(monitoringOutcome({ status: 'rolling_back', version: '1.6.0', previousVersion: '1.5.0' })).toBe('Monitoring caught a breach: rolling 1.6.0 back to 1.5.0…');
  });
});
