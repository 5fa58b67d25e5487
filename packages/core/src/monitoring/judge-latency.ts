// The tail-latency test, sound for histogram data. A p95 is not a mean, and bucketed latencies
// have no per-request values, so we test a proportion instead: with a threshold
// t = baseline p95 × (1 + allowed degradation), a release whose p95 degraded by exactly the
// allowed amount has 5% of its requests slower than t (fewer when it is healthy). We count the
// current window's requests above t from its buckets (linear inside the bucket, like
// histogram_quantile) and put a Wilson 95% interval on that fraction: lower bound above 5% →
// FAIL, upper bound below 5% → PASS. The reported p95 ratio carries the binomial
// (distribution-free) confidence interval of the current p95 from the same buckets.
import { countAbove } from './count-above.js';
import { histogramQuantile } from './histogram-quantile.js';
import { fixed, ms, oneDecimal, percent } from './format-numbers.js';
import type { PartVerdict } from './judge-error-rate.js';
import type { WindowStats } from './metric-source.js';
import { wilsonInterval, Z_95, type Interval } from './wilson-interval.js';

const TAIL = 0.05;

export interface LatencyJudgement {
  verdict: PartVerdict;
  /** current p95 / baseline p95. */
  ratio: Interval;
  reason: string;
}

export function judgeLatency(baseline: WindowStats, current: WindowStats, allowedDegradation: number): LatencyJudgement | null {
  if (baseline.p95Ms === null || current.p95Ms === null || baseline.p95Ms <= 0) return null;
  const limitMs = baseline.p95Ms * (1 + allowedDegradation);
  const head = `p95 ${ms(current.p95Ms)} vs baseline ${ms(baseline.p95Ms)}`;
  if (!current.histogram) return pointComparison(head, baseline.p95Ms, current.p95Ms, limitMs, allowedDegradation);

  const { above, total } = countAbove(limitMs / 1000, current.histogram);
  const slow = wilsonInterval(above, total);
  const verdict: PartVerdict = slow.lower > TAIL ? 'FAIL' : slow.upper < TAIL ? 'PASS' : 'INCONCLUSIVE';
  const relation = { FAIL: 'more than', PASS: 'fewer than', INCONCLUSIVE: 'not yet told apart from' }[verdict];
  const reason =
    `${head}: ${percent(slow.estimate)} of requests are slower than ${ms(limitMs)} (baseline p95 +${fixed(allowedDegradation * 100)}%), ` +
    `95% CI ${percent(slow.lower)}–${percent(slow.upper)}, ${relation} the 5% a release within the allowed degradation has`;
  return { verdict, ratio: p95Ratio(current, total, baseline.p95Ms), reason };
}

/** Binomial CI of the current p95: the quantiles at 0.95 ∓ z·√(0.95·0.05/n). */
function p95Ratio(current: WindowStats, total: number, baselineP95Ms: number): Interval {
  const spread = Z_95 * Math.sqrt((0.95 * 0.05) / Math.max(1, total));
  const at = (q: number) => (histogramQuantile(Math.min(1, Math.max(0, q)), current.histogram ?? []) * 1000) / baselineP95Ms;
  return { estimate: (current.p95Ms ?? 0) / baselineP95Ms, lower: at(0.95 - spread), upper: at(0.95 + spread) };
}

/** Without buckets (a p95 query) only the point estimates can be compared. */
function pointComparison(head: string, baselineMs: number, currentMs: number, limitMs: number, allowed: number): LatencyJudgement {
  const ratio = currentMs / baselineMs;
  const verdict: PartVerdict = currentMs > limitMs ? 'FAIL' : 'PASS';
  const reason = `${head}: ${oneDecimal((ratio - 1) * 100)}% ${currentMs > limitMs ? 'above' : 'within'} the allowed +${fixed(allowed * 100)}% (no histogram: point estimates only)`;
  return { verdict, ratio: { estimate: ratio, lower: ratio, upper: ratio }, reason };
}
