import { describe, expect, it } from 'vitest';
import type { MonitoringConfig } from '../config/config-types.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import type { MetricSource, WindowStats } from './metric-source.js';
import { watchProduction } from './watch-production.js';

const config: MonitoringConfig = {
  enabled: true,
  windowSeconds: 60,
  baselineSeconds: 20,
  warmupSeconds: 10,
  intervalSeconds: 10,
  thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.25, minRequests: 100 },
  source: { kind: 'scrape', url: 'http://app.test/metrics' },
  onBreach: 'rollback',
  onInconclusive: 'alert',
  failAfter: 2,
  maxSourceErrors: 3,
};
const baseline: WindowStats = { from: '', to: '', requests: 10_000, errors: 40, histogram: null, p95Ms: null };

/** A source whose every window has `errorsPer1000(at)` errors per 1000 requests, 200 req/s. */
function scriptedSource(clock: ManualClock, errorsPer1000: (secondsSinceStart: number) => number | Error): MetricSource & { observedAt: number[] } {
  const t0 = clock.now().getTime();
  const observedAt: number[] = [];
  return {
    kind: 'scripted',
    keepsHistory: false,
    observedAt,
    async observe() {
      const outcome = errorsPer1000((clock.now().getTime() - t0) / 1000);
      if (outcome instanceof Error) throw outcome;
      observedAt.push((clock.now().getTime() - t0) / 1000);
    },
    async window(from, to) {
      const requests = Math.round(((to.getTime() - from.getTime()) / 1000) * 200);
      const rate = errorsPer1000((to.getTime() - t0) / 1000) as number;
      return { from: from.toISOString(), to: to.toISOString(), requests, errors: Math.round((requests * rate) / 1000), histogram: null, p95Ms: null };
    },
  };
}

function run(errorsPer1000: (s: number) => number | Error, extra: { failAfter?: number; maxSourceErrors?: number } = {}) {
  const clock = new ManualClock();
  const ctx = fakeContext({ clock });
  const source = scriptedSource(clock, errorsPer1000);
  const logs: string[] = [];
  const result = watchProduction({ config, ctx, source, baseline, deployedAt: clock.now(), log: (line) => logs.push(line), ...extra });
  return { result, ctx, source, logs };
}

describe('watchProduction', () => {
  it('waits out the warm-up, evaluates every interval to the end of the window and passes a healthy release', async () => {
    const { result, ctx, source } = run(() => 4);
    const outcome = await result;
    expect(outcome.verdict).toBe('PASS');
    expect(source.observedAt).toEqual([10, 20, 30, 40, 50, 60]);
    expect(ctx.events.map((e) => e.type)).toEqual([...Array(5).fill('monitor.sample'), 'monitor.verdict']);
    expect(ctx.events.at(-1)).toMatchObject({ type: 'monitor.verdict', verdict: 'PASS', sample: { windowEndsAt: '2026-11-26T10:01:00.000Z' } });
  });

  it('fails only after two failing evaluations in a row, and ends the window early', async () => {
    const { result } = run((s) => (s >= 20 ? 60 : 4));
    const outcome = await result;
    expect(outcome.verdict).toBe('FAIL');
    expect(outcome.samples.map((s) => s.verdict)).toEqual(['FAIL', 'FAIL']);
    expect(outcome.reason).toMatch(/^error rate 6\.0% vs baseline 0\.40%: the increase \+5\.6 pp .* above the allowed 1 pp$/);
  });

  it('honours a different number of confirming evaluations', async () => {
    const outcome = await run(() => 60, { failAfter: 3 }).result;
    expect(outcome.samples.map((s) => s.verdict)).toEqual(['FAIL', 'FAIL', 'FAIL']);
  });

  it('fails at the first evaluation when the error rate crosses the outage ceiling', async () => {
    const outcome = await run(() => 400).result;
    expect(outcome.verdict).toBe('FAIL');
    expect(outcome.samples).toHaveLength(1);
    expect(outcome.reason).toMatch(/above the 25% ceiling/);
  });

  it('ends with ERROR after three unreadable metric readings in a row', async () => {
    const { result, ctx, logs } = run((s) => (s >= 30 ? new Error('connection refused') : 4));
    const outcome = await result;
    expect(outcome).toMatchObject({ verdict: 'ERROR', reason: 'metrics from http://app.test/metrics unavailable 3 times in a row: connection refused' });
    expect(outcome.samples.map((s) => s.verdict)).toEqual(['PASS', 'ERROR', 'ERROR', 'ERROR']);
    expect(ctx.events.at(-1)).toMatchObject({ type: 'monitor.verdict', verdict: 'ERROR' });
    expect(logs).toContain('monitor: metrics from http://app.test/metrics unavailable (1/3): connection refused');
  });

  it('recovers from a single unreadable reading', async () => {
    const outcome = await run((s) => (s === 30 ? new Error('timeout') : 4)).result;
    expect(outcome.verdict).toBe('PASS');
    expect(outcome.samples.map((s) => s.verdict)).toEqual(['PASS', 'ERROR', 'PASS', 'PASS', 'PASS']);
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const clock = new ManualClock();
    const ctx = fakeContext({ clock });
    const source = scriptedSource(clock, () => 4);
    await expect(
      watchProduction({ config, ctx, source, baseline, deployedAt: clock.now(), log: () => {}, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('says what an undecided end does: a warning with onInconclusive alert, an info line with pass', async () => {
    // 1.4% errors against 0.4%: +1.0 pp, exactly the allowed increase: no decision
    const alert = run(() => 14);
    const outcome = await alert.result;
    expect(outcome.verdict).toBe('INCONCLUSIVE');
    expect(alert.logs.at(-1)).toMatch(/^monitoring verdict INCONCLUSIVE: .* \(onInconclusive: alert\)$/);
    const clock = new ManualClock();
    const ctx = fakeContext({ clock });
    const streams: string[] = [];
    const quiet = await watchProduction({
      config: { ...config, onInconclusive: 'pass' },
      ctx,
      source: scriptedSource(clock, () => 14),
      baseline,
      deployedAt: clock.now(),
      log: (line, stream) => streams.push(`${stream}: ${line}`),
    });
    expect(quiet.verdict).toBe('INCONCLUSIVE');
    expect(streams.at(-1)).toMatch(/^info: monitoring verdict INCONCLUSIVE: .* \(onInconclusive: pass\)$/);
  });
});

