// Consecutive intervals merged until each holds enough requests for its own error rate and p95
// to mean something (a p95 of five requests is just the slowest one): at 5 req/s and more every
// 10-second interval stands alone, at 0.5 req/s about six are merged. A quiet tail joins the
// group before it.
import { histogramQuantile, type HistogramBucket } from './histogram-quantile.js';
import type { WindowStats } from './metric-source.js';

/** Requests an interval needs to be compared on its own. */
export const MIN_SLICE_REQUESTS = 30;

export function mergeSlices(slices: readonly WindowStats[], minRequests = MIN_SLICE_REQUESTS): WindowStats[] {
  const groups: WindowStats[][] = [];
  let open: WindowStats[] = [];
  let requests = 0;
  for (const slice of slices) {
    open.push(slice);
    requests += slice.requests;
    if (requests >= minRequests) {
      groups.push(open);
      open = [];
      requests = 0;
    }
  }
  if (open.length > 0) {
    if (groups.length > 0) groups.at(-1)!.push(...open);
    else groups.push(open);
  }
  return groups.map((group) => (group.length === 1 ? group[0]! : mergeWindows(group)));
}

/** One window from consecutive ones: counts and buckets added up, the p95 read from the sum. */
export function mergeWindows(windows: readonly WindowStats[]): WindowStats {
  const requests = windows.reduce((sum, w) => sum + w.requests, 0);
  const errors = windows.reduce((sum, w) => sum + w.errors, 0);
  const histogram = windows.every((w) => w.histogram !== null) ? addHistograms(windows.map((w) => w.histogram!)) : null;
  let p95Ms: number | null = null;
  if (histogram) {
    const p95 = histogramQuantile(0.95, histogram);
    p95Ms = Number.isFinite(p95) ? p95 * 1000 : null;
  } else {
    // a p95 query gives no buckets: the request-weighted mean of the p95s stands in
    const known = windows.filter((w) => w.p95Ms !== null && w.requests > 0);
    const weight = known.reduce((sum, w) => sum + w.requests, 0);
    p95Ms = weight > 0 ? known.reduce((sum, w) => sum + w.p95Ms! * w.requests, 0) / weight : null;
  }
  return { from: windows[0]!.from, to: windows.at(-1)!.to, requests, errors, histogram, p95Ms };
}

/** Bucket-wise sums; the common case (every window with the same bounds) without a map. */
function addHistograms(histograms: ReadonlyArray<readonly HistogramBucket[]>): HistogramBucket[] | null {
  const first = histograms[0]!;
  const sameBounds = histograms.every((h) => h.length === first.length && h.every((bucket, i) => bucket.le === first[i]!.le));
  if (sameBounds) {
    const sum = first.map(({ le }) => ({ le, count: 0 }));
    for (const h of histograms) for (let i = 0; i < h.length; i++) sum[i]!.count += h[i]!.count;
    return sum.length > 0 ? sum : null;
  }
  const byBound = new Map<number, number>();
  for (const h of histograms) for (const { le, count } of h) byBound.set(le, (byBound.get(le) ?? 0) + count);
  return byBound.size > 0 ? [...byBound].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count })) : null;
}
