// Post-deploy watching (the release's `monitor` step): after the warm-up, production is read
// every ≤ 10 s (sliceSecondsFor) and judged against the baseline every interval until the window
// ends. Each reading closes one short interval; the judge compares the intervals of the judged
// stretch with the baseline's. That
// stretch starts at the end of the warm-up and moves on by half of the time since, up to one more
// warm-up: a cold start that outlasts the configured warm-up (by up to as much again) ages out
// instead of failing the release — a cliff no longer — while a regression, which persists,
// stays in view. A FAIL must repeat `failAfter` times in a row (a single unlucky interval never
// rolls back), except the outage ceiling, which fails at once. Every evaluation is emitted as
// `monitor.sample`, the end as `monitor.verdict`.
import type { MonitoringConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import type { MonitorSample, MonitorVerdictValue } from '../events.js';
import { judge, type Judgement } from './judge.js';
import { MIN_FAIL_SECONDS, plannedLooks, sliceSecondsFor } from './look-level.js';
import type { MetricSource, WindowStats } from './metric-source.js';
import { sleepUntil } from './sleep-until.js';
import { shownUrl } from '../shown-url.js';

export interface WatchProductionInput {
  config: MonitoringConfig;
  ctx: CoreContext;
  source: MetricSource;
  baseline: WindowStats;
  deployedAt: Date;
  signal?: AbortSignal;
  log: (line: string, stream?: 'info' | 'warn') => void;
  /** FAIL evaluations in a row that end the watch with FAIL (default 2). */
  failAfter?: number;
  /** Metric-source errors in a row that end the watch with ERROR (default 3). */
  maxSourceErrors?: number;
}

export interface WatchResult {
  verdict: MonitorVerdictValue;
  reason: string;
  samples: MonitorSample[];
}

export async function watchProduction(input: WatchProductionInput): Promise<WatchResult> {
  const { config, ctx, source, baseline } = input;
  const signal = input.signal ?? ctx.signal;
  const failAfter = input.failAfter ?? 2;
  const maxSourceErrors = input.maxSourceErrors ?? 3;
  const deployedMs = input.deployedAt.getTime();
  const windowEndsAt = new Date(deployedMs + config.windowSeconds * 1000);
  const warmupEndsMs = deployedMs + config.warmupSeconds * 1000;
  const looks = plannedLooks(config.windowSeconds, config.warmupSeconds, config.intervalSeconds);
  const sliceSeconds = sliceSecondsFor(config.intervalSeconds);
  // a short window cannot wait for 3 minutes of judged traffic: half of what it can judge will do
  const minFailSeconds = Math.max(0, Math.min(MIN_FAIL_SECONDS, (config.windowSeconds - 2 * config.warmupSeconds) / 2));
  const samples: MonitorSample[] = [];
  /** The intervals read since the warm-up ended, in order. */
  const slices: WindowStats[] = [];
  let last: Judgement | null = null;
  let failStreak = 0;
  let sourceErrors = 0;

  const finish = (verdict: MonitorVerdictValue, reason: string): WatchResult => {
    const sample = samples.at(-1);
    ctx.emit({ type: 'monitor.verdict', verdict, reason, ...(sample ? { sample } : {}) });
    const undecided = verdict === 'INCONCLUSIVE' || verdict === 'NO_DATA';
    const quiet = verdict === 'PASS' || (undecided && config.onInconclusive === 'pass');
    input.log(`monitoring verdict ${verdict}: ${reason}${undecided ? ` (onInconclusive: ${config.onInconclusive})` : ''}`, quiet ? 'info' : 'warn');
    return { verdict, reason, samples };
  };

  const sliceMs = sliceSeconds * 1000;
  let previousReading: Date | null = null;
  let previousLook: Date | null = null;
  let nextLookMs = warmupEndsMs + config.intervalSeconds * 1000;
  let next = new Date(warmupEndsMs);
  for (;;) {
    await sleepUntil(ctx.clock, next, signal);
    try {
      await source.observe(signal);
      const now = ctx.clock.now();
      if (previousReading) slices.push(await source.window(previousReading, now, signal));
      previousReading = now;
      previousLook ??= now;
      const isLook = slices.length > 0 && (now.getTime() >= nextLookMs - 1 || now.getTime() >= windowEndsAt.getTime());
      if (isLook) {
        const latest = await source.window(previousLook, now, signal);
        const judged = judgedSlices(slices, warmupEndsMs, now.getTime(), config.warmupSeconds * 1000);
        const current = { ...(await source.window(new Date(judged[0]!.from), now, signal)), slices: judged };
        last = judge({ baseline, current, latest, thresholds: config.thresholds, at: now, windowEndsAt, looks, minFailSeconds });
        samples.push(last.sample);
        ctx.emit({ type: 'monitor.sample', sample: last.sample });
        input.log(`monitor ${last.verdict}: ${last.reason}`, last.verdict === 'FAIL' ? 'warn' : 'info');
        previousLook = now;
        nextLookMs = now.getTime() + config.intervalSeconds * 1000;
        failStreak = last.verdict === 'FAIL' ? failStreak + 1 : 0;
        if (last.isCeilingBreach) return finish('FAIL', last.reason);
        if (failStreak >= failAfter) return finish('FAIL', last.reason);
      }
      sourceErrors = 0;
    } catch (error) {
      if ((error as { code?: string }).code === 'CANCELLED') throw error;
      sourceErrors += 1;
      const message = error instanceof Error ? error.message : String(error);
      const sample = errorSample(baseline, config, ctx.clock.now(), windowEndsAt);
      samples.push(sample);
      ctx.emit({ type: 'monitor.sample', sample });
      // name the source: the baseline was read from it, so this is the place to look
      input.log(`monitor: metrics from ${shownUrl(config.source.url)} unavailable (${sourceErrors}/${maxSourceErrors}): ${message}`, 'warn');
      if (sourceErrors >= maxSourceErrors) {
        return finish('ERROR', `metrics from ${shownUrl(config.source.url)} unavailable ${sourceErrors} times in a row: ${message}`);
      }
    }
    if (ctx.clock.now().getTime() >= windowEndsAt.getTime()) return finish(...finalVerdict(last));
    next = new Date(Math.min(ctx.clock.now().getTime() + sliceMs, windowEndsAt.getTime()));
  }
}

/**
 * The intervals judged now: those that start at or after the end of the warm-up plus half the
 * time since (at most one more warm-up), so a transient ages out; at least the latest one.
 */
function judgedSlices(slices: WindowStats[], warmupEndsMs: number, nowMs: number, warmupMs: number): WindowStats[] {
  const cutMs = warmupEndsMs + Math.min(Math.max(0, nowMs - warmupEndsMs) / 2, warmupMs);
  const judged = slices.filter((slice) => Date.parse(slice.from) >= cutMs);
  return judged.length > 0 ? judged : slices.slice(-1);
}

/** The window is over: the last evaluation (the one with the most data) decides. */
function finalVerdict(last: Judgement | null): [MonitorVerdictValue, string] {
  if (!last) return ['ERROR', 'no evaluation could be made: the metrics were never readable after the deploy'];
  if (last.verdict === 'FAIL') return ['INCONCLUSIVE', `a failing evaluation at the end of the window was not confirmed: ${last.reason}`];
  return [last.verdict, last.reason];
}

function errorSample(baseline: WindowStats, config: MonitoringConfig, at: Date, windowEndsAt: Date): MonitorSample {
  const { errorRateIncrease, latencyDegradation, errorRateCeiling } = config.thresholds;
  return {
    at: at.toISOString(),
    baseline: {
      errorRate: baseline.requests > 0 ? baseline.errors / baseline.requests : null,
      p95Ms: baseline.p95Ms,
      requests: baseline.requests,
    },
    current: { errorRate: null, p95Ms: null, requests: 0 },
    thresholds: { errorRateIncrease, latencyDegradation, errorRateCeiling },
    verdict: 'ERROR',
    windowEndsAt: windowEndsAt.toISOString(),
  };
}
