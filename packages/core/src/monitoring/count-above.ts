// How many observations of a cumulative histogram lie above a threshold, interpolating
// linearly inside the bucket that holds the threshold (the same assumption histogram_quantile makes).
import { normalizeBuckets, type HistogramBucket } from './histogram-quantile.js';

export function countAbove(threshold: number, histogram: readonly HistogramBucket[]): { above: number; total: number } {
  const buckets = normalizeBuckets(histogram);
  const total = buckets.at(-1)?.count ?? 0;
  let lower = 0;
  let below = 0;
  for (const bucket of buckets) {
    if (bucket.le === Number.POSITIVE_INFINITY) break; // beyond the last finite bound: all counted as above
    if (threshold <= bucket.le) {
      const share = bucket.le === lower ? 1 : Math.max(0, (threshold - lower) / (bucket.le - lower));
      return { above: total - (below + (bucket.count - below) * share), total };
    }
    lower = bucket.le;
    below = bucket.count;
  }
  return { above: total - below, total };
}
