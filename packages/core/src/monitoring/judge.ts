// One evaluation of production against its baseline: the outage ceiling first (acts at once),
// then the minimum-traffic rule (say "not enough traffic" rather than guess), then the
// error-rate and tail-latency tests. Any FAIL fails; PASS needs every test to pass.
import type { MonitoringThresholds } from '../config/config-types.js';
import type { MonitorSample, MonitorVerdictValue } from '../events.js';
import { fixed, percent } from './format-numbers.js';
import { judgeErrorRate } from './judge-error-rate.js';
import { judgeLatency } from './judge-latency.js';
import type { WindowStats } from './metric-source.js';

export interface JudgeInput {
  baseline: WindowStats;
  /** Everything since the warm-up ended. */
  current: WindowStats;
  /** The stretch since the previous evaluation; the ceiling acts on it so an outage is not diluted. */
  latest?: WindowStats;
  thresholds: MonitoringThresholds;
  at: Date;
  windowEndsAt: Date;
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

  const errorRate = judgeErrorRate(baseline, current, thresholds.errorRateIncrease);
  const latency = judgeLatency(baseline, current, thresholds.latencyDegradation);
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

function ceilingBreach({ current, latest, thresholds }: JudgeInput): string | null {
  for (const stats of [latest, current]) {
    if (!stats || stats.requests < thresholds.minRequests) continue;
    const rate = stats.errors / stats.requests;
    if (rate > thresholds.errorRateCeiling) {
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

function summary(stats: WindowStats): MonitorSample['current'] {
  return {
    errorRate: stats.requests > 0 ? stats.errors / stats.requests : null,
    p95Ms: stats.p95Ms,
    requests: stats.requests,
  };
}
