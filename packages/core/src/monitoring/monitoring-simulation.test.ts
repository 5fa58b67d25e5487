// The judge on simulated production, held to the numbers of issue 19. Two parts:
// - end to end through real /metrics text (SimulatedApp → scrape source → measureBaseline →
//   watchProduction) for a few seeds;
// - the seeded condition suite (testing/judge-conditions.ts: bursty errors at two burst rates,
//   drift, cold starts of 30–120 s abrupt or fading, regressions at and beyond the allowed size)
//   at 5, 50 and 500 req/s, 100 seeds per cell (300 per condition) with the thresholds as
//   assertions. `node bench/monitoring-judge.bench.mjs` runs the same cells with 1000 seeds each
//   for the README table.
import { describe, expect, it } from 'vitest';
import type { MonitoringConfig } from '../config/config-types.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import { sliceSecondsFor } from './look-level.js';
import { measureBaseline } from './measure-baseline.js';
import { createScrapeSource } from './scrape-source.js';
import { CONDITIONS, type JudgeCondition } from './testing/judge-conditions.js';
import { judgeRates, seedsFor, type JudgeRates } from './testing/judge-rates.js';
import { SIMULATED_CONFIG } from './testing/simulate-release.js';
import { SimulatedApp, type TrafficProfile } from './testing/simulated-app.js';
import { watchProduction, type WatchResult } from './watch-production.js';

const HEALTHY: TrafficProfile = { rps: 50, errorRate: 0.005, medianMs: 80, sigma: 0.5 };

const config: MonitoringConfig = { ...SIMULATED_CONFIG, source: { kind: 'scrape', url: 'http://app.test/metrics' } };

async function throughMetricsText(seed: number, afterDeploy: TrafficProfile, before: TrafficProfile = HEALTHY): Promise<WatchResult> {
  const clock = new ManualClock();
  const app = new SimulatedApp(clock, seed, before);
  const ctx = fakeContext({ clock, http: app.http });
  const source = createScrapeSource(ctx, { url: config.source.url });
  const baseline = await measureBaseline({ ctx, source, seconds: config.baselineSeconds, sliceSeconds: sliceSecondsFor(config.intervalSeconds) });
  app.restart(); // the deploy restarts the process: counters begin again at 0
  app.profile = afterDeploy;
  return watchProduction({ config, ctx, source, baseline, deployedAt: clock.now(), log: () => {} });
}

describe('monitoring end to end through /metrics text (50 req/s, 0.5% errors, lognormal latency)', () => {
  it('passes healthy releases, evaluating every 30 s to the end of the window', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const result = await throughMetricsText(seed, HEALTHY);
      expect(result.verdict, `seed ${seed}: ${result.reason}`).toBe('PASS');
      expect(result.samples).toHaveLength(28);
    }
  }, 60_000);

  it('fails a +5 percentage-point error regression and a +30% p95 regression within 6 minutes, saying which number crossed which line', async () => {
    for (let seed = 1001; seed <= 1005; seed++) {
      const errors = await throughMetricsText(seed, { ...HEALTHY, errorRate: HEALTHY.errorRate + 0.05 });
      expect(errors.verdict, `seed ${seed}`).toBe('FAIL');
      expect(errors.samples.length).toBeLessThanOrEqual(10);
      expect(errors.reason).toMatch(/^error rate \d+\.\d% vs baseline 0\.\d\d%: the per-interval increase \+\d\.\d pp \(95% CI over 28 looks .*\) is above the allowed 1 pp$/);
      const latency = await throughMetricsText(seed, { ...HEALTHY, medianMs: HEALTHY.medianMs * 1.3 });
      expect(latency.verdict, `seed ${seed}`).toBe('FAIL');
      expect(latency.samples.length).toBeLessThanOrEqual(10);
      expect(latency.reason).toMatch(/^p95 \d+ ms vs baseline \d+ ms: the per-interval p95 is \+\d+\.\d% \(95% CI over 28 looks .*\), above the allowed \+10%$/);
    }
  }, 60_000);

  it('fails an outright outage at the first evaluation through the ceiling', async () => {
    const result = await throughMetricsText(3001, { ...HEALTHY, errorRate: 0.6 });
    expect(result.verdict).toBe('FAIL');
    expect(result.samples).toHaveLength(1);
    expect(result.reason).toMatch(/above the 50% ceiling/);
  });

  it('answers NO_DATA, not PASS, when production barely has traffic', async () => {
    const quiet = { ...HEALTHY, rps: 0.2 };
    const result = await throughMetricsText(4001, quiet, quiet);
    expect(result.verdict).toBe('NO_DATA');
    expect(result.reason).toBe('not enough traffic in the baseline: 180 requests, need 200');
  });
});

const SEEDS = 100;
const healthy = CONDITIONS.filter((c) => c.healthy);
const atTheLimit = CONDITIONS.filter((c) => !c.healthy && (c.regression?.errorPp === 1 || c.regression?.latencyFactor === 1.1));
const clearRegressions = CONDITIONS.filter((c) => !c.healthy && !atTheLimit.includes(c));
const failures = (rates: JudgeRates) => rates.verdicts.FAIL;

async function cell(condition: JudgeCondition, rps: number): Promise<JudgeRates> {
  return judgeRates(condition, rps, seedsFor(CONDITIONS.indexOf(condition), rps, SEEDS));
}

describe(`the judge on seeded production, ${SEEDS} releases per condition and traffic level`, () => {
  for (const condition of healthy) {
    it(`rolls back at most 1% of healthy releases: ${condition.name}, at 5, 50 and 500 req/s`, async () => {
      for (const rps of [5, 50, 500]) {
        const rates = await cell(condition, rps);
        expect(failures(rates), `${condition.name} at ${rps} req/s: ${JSON.stringify(rates.verdicts)}`).toBeLessThanOrEqual(SEEDS / 100);
      }
    }, 300_000);
  }

  for (const condition of atTheLimit) {
    it(`rolls back at most 5% of releases that change exactly the allowed amount: ${condition.name}`, async () => {
      for (const rps of [5, 50, 500]) {
        const rates = await cell(condition, rps);
        expect(failures(rates), `${condition.name} at ${rps} req/s: ${JSON.stringify(rates.verdicts)}`).toBeLessThanOrEqual(SEEDS * 0.05);
      }
    }, 300_000);
  }

  for (const condition of clearRegressions) {
    it(`catches at least 99% at 50 and 500 req/s: ${condition.name}`, async () => {
      for (const rps of [50, 500]) {
        const rates = await cell(condition, rps);
        expect(failures(rates), `${condition.name} at ${rps} req/s: ${JSON.stringify(rates.verdicts)}`).toBeGreaterThanOrEqual(SEEDS * 0.99);
      }
    }, 300_000);
  }

  it('is honest at 0.5 req/s: never a silent PASS and never a rollback of a healthy release, but an outage still fails', async () => {
    const steady = CONDITIONS[0]!;
    const rates = await judgeRates(steady, 0.5, seedsFor(99, 0.5, SEEDS));
    expect(rates.verdicts.FAIL).toBe(0);
    expect(rates.verdicts.PASS).toBe(0);
    expect(rates.verdicts.INCONCLUSIVE + rates.verdicts.NO_DATA).toBe(SEEDS);
  }, 300_000);
});
