// The tail-latency test. With the window cut into intervals we compare the intervals' p95s on
// a log scale (a ratio is what "10% slower" means): the Hodges–Lehmann shift of log p95 after −
// before with its Mann–Whitney interval, turned back into a ratio. Both samples' spread is in
// that interval, so the baseline p95 is not taken as exact, and one slow interval moves it little.
// Without enough baseline intervals we test a proportion of the pooled histogram instead (a p95
// is not a mean and buckets have no per-request values): with t = baseline p95 × (1 + allowed
// degradation), a release whose p95 degraded by exactly the allowed amount has 5% of its requests
// slower than t. The baseline p95 carries its own uncertainty (the binomial, distribution-free
// interval of a quantile), so FAIL uses t from the top of that interval and PASS from the bottom;
// the current share above t gets a Wilson interval: lower bound above 5% → FAIL, upper below → PASS.
import { countAbove } from './count-above.js';
import { histogramQuantile } from './histogram-quantile.js';
import { fixed, ms, oneDecimal, percent } from './format-numbers.js';
import { compareSlices } from './compare-slices.js';
import { MIN_BASELINE_SLICES, spanSeconds, type PartVerdict } from './judge-error-rate.js';
import { ciLabel, lookLevel, type LookLevel } from './look-level.js';
import { MIN_SLICE_REQUESTS } from './merge-slices.js';
import type { WindowStats } from './metric-source.js';
import { wilsonInterval, type Interval } from './wilson-interval.js';

const TAIL = 0.05;

export interface LatencyJudgement {
  verdict: PartVerdict;
  /** current p95 / baseline p95. */
  ratio: Interval;
  reason: string;
}

const RELATION = { FAIL: 'above', PASS: 'within', INCONCLUSIVE: 'not yet told apart from' } as const;

/** `recent`: the judged intervals since the previous look (a FAIL needs them to still show it). */
export function judgeLatency(baseline: WindowStats, current: WindowStats, allowedDegradation: number, level: LookLevel = lookLevel(), recent: readonly WindowStats[] = []): LatencyJudgement | null {
  if (baseline.p95Ms === null || current.p95Ms === null || baseline.p95Ms <= 0) return null;
  const head = `p95 ${ms(current.p95Ms)} vs baseline ${ms(baseline.p95Ms)}`;
  const before = logP95s(baseline.slices);
  const after = logP95s(current.slices);
  if (before.length >= MIN_BASELINE_SLICES && after.length > 0) return bySlices(head, after, before, logP95s(recent), allowedDegradation, level, spanSeconds(current));
  if (!current.histogram) return pointComparison(head, baseline.p95Ms, current.p95Ms, allowedDegradation);
  return byTailShare(head, baseline, current, allowedDegradation, level, baseline.slices ? before.length : null);
}

function bySlices(head: string, after: number[], before: number[], recent: number[], allowed: number, level: LookLevel, judgedSeconds: number): LatencyJudgement {
  const { verdict, shift, heldBack } = compareSlices(after, before, recent, Math.log(1 + allowed), level, judgedSeconds);
  const change = (logRatio: number) => `${logRatio < 0 ? '−' : '+'}${oneDecimal(Math.abs(Math.exp(logRatio) - 1) * 100)}%`;
  const counts = `${after.length} intervals after the deploy vs ${before.length} before`;
  const interval = shift.decisive ? `${ciLabel(level)} ${change(shift.lower)} to ${change(shift.upper)}; ${counts}` : `${counts}, too few yet for an interval`;
  const reason = `${head}: the per-interval p95 is ${change(shift.estimate)} (${interval}), ${heldBack ? `above the allowed +${fixed(allowed * 100)}%, but ${heldBack}: not a FAIL yet` : `${RELATION[verdict]} the allowed +${fixed(allowed * 100)}%`}`;
  return { verdict, ratio: { estimate: Math.exp(shift.estimate), lower: Math.exp(shift.lower), upper: Math.exp(shift.upper) }, reason };
}

function byTailShare(head: string, baseline: WindowStats, current: WindowStats, allowed: number, level: LookLevel, baselineSlices: number | null): LatencyJudgement {
  const baselineP95 = p95Interval(baseline, level.z) ?? { estimate: baseline.p95Ms!, lower: baseline.p95Ms!, upper: baseline.p95Ms! };
  const failLimitMs = baselineP95.upper * (1 + allowed);
  const passLimitMs = baselineP95.lower * (1 + allowed);
  const failShare = share(failLimitMs, current, level.z);
  const passShare = share(passLimitMs, current, level.z);
  const verdict: PartVerdict = failShare.lower > TAIL ? 'FAIL' : passShare.upper < TAIL ? 'PASS' : 'INCONCLUSIVE';
  const shown = verdict === 'PASS' ? passShare : failShare;
  const limitMs = verdict === 'PASS' ? passLimitMs : failLimitMs;
  const relation = { FAIL: 'more than', PASS: 'fewer than', INCONCLUSIVE: 'not yet told apart from' }[verdict];
  const uncertainty = baselineP95.upper > baselineP95.lower ? `; the baseline p95 itself is ${ms(baselineP95.lower)}–${ms(baselineP95.upper)}` : '';
  const pooled = baselineSlices === null ? '' : `; pooled counts: the baseline has only ${baselineSlices} intervals`;
  const reason =
    `${head}: ${percent(shown.estimate)} of requests are slower than ${ms(limitMs)} (baseline p95 +${fixed(allowed * 100)}%${uncertainty}), ` +
    `${ciLabel(level)} ${percent(shown.lower)}–${percent(shown.upper)}${pooled}, ${relation} the 5% a release within the allowed degradation has`;
  const ratio = p95Interval(current, level.z);
  return {
    verdict,
    ratio: ratio
      ? { estimate: current.p95Ms! / baseline.p95Ms!, lower: ratio.lower / baselineP95.upper, upper: ratio.upper / baselineP95.lower }
      : { estimate: current.p95Ms! / baseline.p95Ms!, lower: current.p95Ms! / baseline.p95Ms!, upper: current.p95Ms! / baseline.p95Ms! },
    reason,
  };
}

function share(limitMs: number, current: WindowStats, z: number): Interval {
  const { above, total } = countAbove(limitMs / 1000, current.histogram ?? []);
  return wilsonInterval(above, total, z);
}

/** The binomial, distribution-free interval of a window's p95 in ms: the quantiles at 0.95 ∓ z·√(0.95·0.05/n). */
function p95Interval(stats: WindowStats, z: number): Interval | null {
  const histogram = stats.histogram;
  const total = histogram?.at(-1)?.count ?? 0;
  if (!histogram || total <= 0 || stats.p95Ms === null) return null;
  const spread = z * Math.sqrt((0.95 * 0.05) / total);
  const at = (q: number) => histogramQuantile(Math.min(1, Math.max(0, q)), histogram) * 1000;
  return { estimate: stats.p95Ms, lower: at(0.95 - spread), upper: at(0.95 + spread) };
}

function logP95s(slices: readonly WindowStats[] | undefined): number[] {
  return (slices ?? []).filter((s) => s.requests >= MIN_SLICE_REQUESTS && s.p95Ms !== null && s.p95Ms > 0).map((s) => Math.log(s.p95Ms!));
}

/** Without buckets and intervals (a p95 query) only the point estimates can be compared. */
function pointComparison(head: string, baselineMs: number, currentMs: number, allowed: number): LatencyJudgement {
  const ratio = currentMs / baselineMs;
  const limitMs = baselineMs * (1 + allowed);
  const verdict: PartVerdict = currentMs > limitMs ? 'FAIL' : 'PASS';
  const reason = `${head}: ${oneDecimal((ratio - 1) * 100)}% ${currentMs > limitMs ? 'above' : 'within'} the allowed +${fixed(allowed * 100)}% (no histogram: point estimates only)`;
  return { verdict, ratio: { estimate: ratio, lower: ratio, upper: ratio }, reason };
}
