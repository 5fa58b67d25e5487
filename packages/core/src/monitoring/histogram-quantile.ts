// The q-quantile of a cumulative histogram, computed exactly as PromQL's histogram_quantile:
// linear interpolation inside the bucket holding the rank, 0 as the lower edge of the first
// bucket, and the highest finite bound when the rank falls in the +Inf bucket.

export interface HistogramBucket {
  /** Upper bound (inclusive); the last bucket is +Inf. */
  le: number;
  /** Cumulative count of observations ≤ le. */
  count: number;
}

/** Returns NaN when there is no usable data (no +Inf bucket, fewer than two buckets, zero count). */
export function histogramQuantile(q: number, histogram: readonly HistogramBucket[]): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const buckets = normalizeBuckets(histogram);
  const last = buckets.at(-1);
  if (!last || last.le !== Number.POSITIVE_INFINITY || buckets.length < 2 || last.count === 0) return Number.NaN;
  const rank = q * last.count;
  const index = buckets.findIndex((bucket) => bucket.count >= rank);
  if (index === buckets.length - 1) return buckets[index - 1]!.le;
  const bucket = buckets[index]!;
  if (index === 0 && bucket.le <= 0) return bucket.le;
  const lower = index === 0 ? 0 : buckets[index - 1]!.le;
  const below = index === 0 ? 0 : buckets[index - 1]!.count;
  const inBucket = bucket.count - below;
  if (inBucket === 0) return bucket.le;
  return lower + (bucket.le - lower) * ((rank - below) / inBucket);
}

/** Sorted by bound, merged duplicates, counts made monotonic (PromQL's ensureMonotonic). */
export function normalizeBuckets(histogram: readonly HistogramBucket[]): readonly HistogramBucket[] {
  if (isNormal(histogram)) return histogram;
  const byBound = new Map<number, number>();
  for (const { le, count } of histogram) {
    if (Number.isNaN(le) || Number.isNaN(count)) continue;
    byBound.set(le, (byBound.get(le) ?? 0) + count);
  }
  const sorted = [...byBound].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
  let max = 0;
  for (const bucket of sorted) {
    max = Math.max(max, bucket.count);
    bucket.count = max;
  }
  return sorted;
}

/** Strictly increasing bounds and non-decreasing counts, no NaN: nothing to normalize. */
function isNormal(histogram: readonly HistogramBucket[]): boolean {
  for (let i = 0; i < histogram.length; i++) {
    const { le, count } = histogram[i]!;
    if (Number.isNaN(le) || Number.isNaN(count)) return false;
    if (i > 0 && (le <= histogram[i - 1]!.le || count < histogram[i - 1]!.count)) return false;
  }
  return true;
}
