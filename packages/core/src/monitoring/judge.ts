// One evaluation of production against its baseline: the outage ceiling first (acts at once),
// then the minimum-traffic rule (say "not enough traffic" rather than guess), then the
// error-rate and tail-latency tests, each at this look's share of the error rate (look-level.ts).
// Any FAIL fails; PASS needs every test to pass.
import type { MonitoringThresholds } from '../config/config-types.js';
import type { MonitorSample, MonitorVerdictValue } from '../events.js';
import { fixed, percent } from './format-numbers.js';
import { judgeErrorRate } from './judge-error-rate.js';
import { judgeLatency } from './judge-latency.js';
import { lookLevel } from './look-level.js';
import { mergeSlices, MIN_SLICE_REQUESTS } from './merge-slices.js';
import type { WindowStats } from './metric-source.js';
import { wilsonInterval } from './wilson-interval.js';

export interface JudgeInput {
  baseline: WindowStats;
  /** The judged stretch after the deploy (with `slices`, its intervals), transients aged out. */
  current: WindowStats;
  /** The stretch since the previous evaluation; the ceiling acts on it so an outage is not diluted. */
  latest?: WindowStats;
  thresholds: MonitoringThresholds;
  at: Date;
  windowEndsAt: Date;
  /** Looks the whole watch makes; each test runs at level α/looks (default 1: a single look). */
  looks?: number;
  /** Seconds of judged traffic a per-interval FAIL needs (default MIN_FAIL_SECONDS; less in a short window). */
  minFailSeconds?: number;
}

export interface Judgement {
  verdict: MonitorVerdictValue;
  /** One sentence: which number crossed (or stayed within) which line. */
  reason: string;
  /** The error-rate ceiling was crossed: fail now, without waiting for a second evaluation. */
  isCeilingBreach: boolean;
  sample: MonitorSample;
}

export function judge(input: JudgeInput): Judgement {
  const { baseline, current, thresholds } = input;
  const sampleOf = (verdict: MonitorVerdictValue, extra: Partial<MonitorSample> = {}): MonitorSample => ({
    at: input.at.toISOString(),
    baseline: summary(baseline),
    current: summary(current),
    thresholds: {
      errorRateIncrease: thresholds.errorRateIncrease,
      latencyDegradation: thresholds.latencyDegradation,
      errorRateCeiling: thresholds.errorRateCeiling,
    },
    verdict,
    windowEndsAt: input.windowEndsAt.toISOString(),
    ...extra,
  });

  const ceiling = ceilingBreach(input);
  if (ceiling) return { verdict: 'FAIL', reason: ceiling, isCeilingBreach: true, sample: sampleOf('FAIL') };

  const shortage = trafficShortage(baseline, current, thresholds.minRequests);
  if (shortage) return { verdict: 'NO_DATA', reason: shortage, isCeilingBreach: false, sample: sampleOf('NO_DATA') };

  const level = lookLevel(input.looks, input.minFailSeconds);
  // intervals merged until each has enough requests: for the error rate, enough that one error
  // moves an interval's rate by at most half the allowed increase; for the p95, MIN_SLICE_REQUESTS
  const errorGrain = Math.max(MIN_SLICE_REQUESTS, Math.ceil(200 / Math.max(thresholds.errorRateIncrease, 0.01)));
  // the judged intervals since the previous look: a FAIL needs them to still show the change
  const since = input.latest ? Date.parse(input.latest.from) : Number.POSITIVE_INFINITY;
  const sliced = (minRequests: number) => {
    const before = baseline.slices ? { ...baseline, slices: mergedOnce(baseline.slices, minRequests) } : baseline;
    const after = current.slices ? { ...current, slices: mergeSlices(current.slices, minRequests) } : current;
    const recent = (after.slices ?? []).filter((slice) => Date.parse(slice.to) > since);
    return { before, after, recent };
  };
  const e = sliced(errorGrain);
  const l = sliced(MIN_SLICE_REQUESTS);
  const errorRate = judgeErrorRate(e.before, e.after, thresholds.errorRateIncrease, level, e.recent);
  const latency = judgeLatency(l.before, l.after, thresholds.latencyDegradation, level, l.recent);
  const parts = latency ? [errorRate, latency] : [errorRate];
  const verdict: MonitorVerdictValue = parts.some((p) => p.verdict === 'FAIL')
    ? 'FAIL'
    : parts.every((p) => p.verdict === 'PASS')
      ? 'PASS'
      : 'INCONCLUSIVE';
  const deciding = verdict === 'PASS' ? parts : parts.filter((p) => p.verdict === verdict);
  const unmeasured = latency || verdict === 'FAIL' ? '' : '; latency not measured (no p95 in the data)';
  return {
    verdict,
    reason: deciding.map((p) => p.reason).join('; ') + unmeasured,
    isCeilingBreach: false,
    sample: sampleOf(verdict, { errorRateDiff: errorRate.differencePp, latencyRatio: latency?.ratio ?? null }),
  };
}

/**
 * An outright outage: the error rate of the latest interval (or the judged stretch) is above the
 * ceiling beyond doubt — its Wilson 95% lower bound is — so a few requests suffice when nearly
 * all fail, and no minimum count delays the rollback at low traffic.
 */
function ceilingBreach({ current, latest, thresholds }: JudgeInput): string | null {
  for (const stats of [latest, current]) {
    if (!stats || stats.requests <= 0) continue;
    const rate = stats.errors / stats.requests;
    if (wilsonInterval(stats.errors, stats.requests).lower > thresholds.errorRateCeiling) {
      return `error rate ${percent(rate)} (${stats.errors} of ${stats.requests} requests) is above the ${fixed(thresholds.errorRateCeiling * 100)}% ceiling for an outright outage`;
    }
  }
  return null;
}

function trafficShortage(baseline: WindowStats, current: WindowStats, minRequests: number): string | null {
  if (baseline.requests < minRequests) return `not enough traffic in the baseline: ${baseline.requests} requests, need ${minRequests}`;
  if (current.requests < minRequests) return `not enough traffic: ${current.requests} requests, need ${minRequests}`;
  return null;
}

/** The baseline's intervals are merged the same way at every look: once is enough. */
const mergedBaselines = new WeakMap<readonly WindowStats[], Map<number, WindowStats[]>>();
function mergedOnce(slices: readonly WindowStats[], minRequests: number): WindowStats[] {
  let byGrain = mergedBaselines.get(slices);
  if (!byGrain) mergedBaselines.set(slices, (byGrain = new Map()));
  let merged = byGrain.get(minRequests);
  if (!merged) byGrain.set(minRequests, (merged = mergeSlices(slices, minRequests)));
  return merged;
}

function summary(stats: WindowStats): MonitorSample['current'] {
  return {
    errorRate: stats.requests > 0 ? stats.errors / stats.requests : null,
    p95Ms: stats.p95Ms,
    requests: stats.requests,
  };
}
