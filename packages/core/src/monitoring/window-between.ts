// Window statistics from two /metrics readings: counter deltas per series, where a drop means
// the process restarted and the counter began again at 0 (the delta is then the new value),
// as Prometheus' increase() treats resets.
import { histogramQuantile, type HistogramBucket } from './histogram-quantile.js';
import type { MetricsSnapshot } from './metrics-snapshot.js';
import type { WindowStats } from './metric-source.js';

export function windowBetween(earlier: MetricsSnapshot, later: MetricsSnapshot): WindowStats {
  let requests = 0;
  let errors = 0;
  for (const [key, series] of later.requests) {
    const delta = counterDelta(earlier.requests.get(key)?.value, series.value);
    requests += delta;
    if (series.isError) errors += delta;
  }
  const byBound = new Map<number, number>();
  for (const [key, series] of later.buckets) {
    byBound.set(series.le, (byBound.get(series.le) ?? 0) + counterDelta(earlier.buckets.get(key)?.value, series.value));
  }
  const histogram: HistogramBucket[] = [...byBound].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
  const p95 = histogramQuantile(0.95, histogram);
  return {
    from: earlier.at.toISOString(),
    to: later.at.toISOString(),
    requests,
    errors,
    histogram: histogram.length > 0 ? histogram : null,
    p95Ms: Number.isFinite(p95) ? p95 * 1000 : null,
  };
}

/** A series absent before started inside the window; a drop is a reset. */
export function counterDelta(before: number | undefined, after: number): number {
  if (before === undefined || after < before) return after;
  return after - before;
}
