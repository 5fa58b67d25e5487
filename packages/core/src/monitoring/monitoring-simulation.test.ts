// Seeded simulations of production at realistic traffic: the judge must not cry wolf on
// healthy releases and must catch real regressions within three evaluations.
import { describe, expect, it } from 'vitest';
import type { MonitoringConfig } from '../config/config-types.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import { measureBaseline } from './measure-baseline.js';
import { createScrapeSource } from './scrape-source.js';
import { SimulatedApp, type TrafficProfile } from './testing/simulated-app.js';
import { watchProduction, type WatchResult } from './watch-production.js';

const HEALTHY: TrafficProfile = { rps: 50, errorRate: 0.005, medianMs: 80, sigma: 0.5 };

const config: MonitoringConfig = {
  enabled: true,
  windowSeconds: 900,
  baselineSeconds: 300,
  warmupSeconds: 60,
  intervalSeconds: 60,
  thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.25, minRequests: 500 },
  source: { kind: 'scrape', url: 'http://app.test/metrics' },
  onBreach: 'rollback',
  failAfter: 2,
  maxSourceErrors: 3,
};

async function simulateRelease(seed: number, afterDeploy: TrafficProfile): Promise<WatchResult> {
  const clock = new ManualClock();
  const app = new SimulatedApp(clock, seed, HEALTHY);
  const ctx = fakeContext({ clock, http: app.http });
  const source = createScrapeSource(ctx, { url: config.source.url });
  const baseline = await measureBaseline({ ctx, source, seconds: config.baselineSeconds });
  app.restart(); // the deploy restarts the process: counters begin again at 0
  app.profile = afterDeploy;
  return watchProduction({ config, ctx, source, baseline, deployedAt: clock.now(), log: () => {} });
}

describe('monitoring on simulated production traffic (50 req/s, 0.5% errors, lognormal latency)', () => {
  it('never fails a healthy release over 200 seeded windows', async () => {
    const verdicts: Record<string, number> = {};
    let failedEvaluations = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const result = await simulateRelease(seed, HEALTHY);
      verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
      failedEvaluations += result.samples.filter((s) => s.verdict === 'FAIL').length;
      expect(result.samples).toHaveLength(14);
    }
    expect(verdicts['FAIL'] ?? 0).toBe(0);
    expect(failedEvaluations).toBe(0);
    expect(verdicts['PASS'] ?? 0).toBeGreaterThanOrEqual(190);
  });

  it('fails every +5 percentage-point error regression within 3 evaluations', async () => {
    for (let seed = 1001; seed <= 1050; seed++) {
      const result = await simulateRelease(seed, { ...HEALTHY, errorRate: HEALTHY.errorRate + 0.05 });
      expect(result.verdict, `seed ${seed}`).toBe('FAIL');
      expect(result.samples.length, `seed ${seed}`).toBeLessThanOrEqual(3);
      expect(result.reason).toMatch(/^error rate \d+\.\d% vs baseline 0\.\d\d%: the increase .* is above the allowed 1 pp/);
    }
  });

  it('fails every +30% p95 regression within 3 evaluations', async () => {
    for (let seed = 2001; seed <= 2050; seed++) {
      const result = await simulateRelease(seed, { ...HEALTHY, medianMs: HEALTHY.medianMs * 1.3 });
      expect(result.verdict, `seed ${seed}`).toBe('FAIL');
      expect(result.samples.length, `seed ${seed}`).toBeLessThanOrEqual(3);
      expect(result.reason).toMatch(/^p95 \d+ ms vs baseline \d+ ms: .* more than the 5%/);
    }
  });

  it('fails an outright outage at the first evaluation through the ceiling', async () => {
    const result = await simulateRelease(3001, { ...HEALTHY, errorRate: 0.6 });
    expect(result.verdict).toBe('FAIL');
    expect(result.samples).toHaveLength(1);
    expect(result.reason).toMatch(/above the 25% ceiling/);
  });

  it('answers NO_DATA, not PASS, when production barely has traffic', async () => {
    const quiet = { ...HEALTHY, rps: 0.5 };
    const clock = new ManualClock();
    const app = new SimulatedApp(clock, 4001, quiet);
    const ctx = fakeContext({ clock, http: app.http });
    const source = createScrapeSource(ctx, { url: config.source.url });
    const baseline = await measureBaseline({ ctx, source, seconds: config.baselineSeconds });
    const result = await watchProduction({ config, ctx, source, baseline, deployedAt: clock.now(), log: () => {} });
    expect(result.verdict).toBe('NO_DATA');
    expect(result.reason).toBe('not enough traffic in the baseline: 150 requests, need 500');
  });
});
