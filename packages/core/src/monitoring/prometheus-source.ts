// Metric source backed by a Prometheus server: each window is a few instant queries evaluated
// at the window's end over a range as long as the window. Prometheus keeps the history, so
// observe() has nothing to do. Overriding queries may use $window (e.g. "300s").
import type { CoreContext } from '../context.js';
import { histogramQuantile, type HistogramBucket } from './histogram-quantile.js';
import type { MetricSource, WindowStats } from './metric-source.js';
import { parseSampleValue, queryPrometheus, queryPrometheusRange } from './query-prometheus.js';

export interface PrometheusSourceOptions {
  url: string;
  /** Total requests in the window. */
  requestsQuery?: string;
  /** Error fraction (0–1) in the window; replaces the default 5xx count query. */
  errorRateQuery?: string;
  /** p95 latency in seconds; replaces the bucket query (and with it the histogram test). */
  latencyQuery?: string;
}

export const DEFAULT_PROMETHEUS_QUERIES = {
  requests: 'sum(increase(http_requests_total[$window]))',
  errors: 'sum(increase(http_requests_total{status=~"5.."}[$window]))',
  buckets: 'sum by (le) (increase(http_request_duration_seconds_bucket[$window]))',
  p95: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[$window])))',
  traffic: 'sum(rate(http_requests_total[$step]))',
} as const;

export function createPrometheusSource(ctx: CoreContext, options: PrometheusSourceOptions): MetricSource {
  return {
    kind: 'prometheus',
    keepsHistory: true,
    async observe(): Promise<void> {},
    async window(from: Date, to: Date, signal?: AbortSignal): Promise<WindowStats> {
      const range = `${Math.max(1, Math.round((to.getTime() - from.getTime()) / 1000))}s`;
      const run = async (query: string) =>
        queryPrometheus(ctx, options.url, query.replaceAll('$window', range), to, signal);
      const scalar = async (query: string, whenEmpty = 0) => firstValue(await run(query), whenEmpty);

      const requests = Math.round(nonNegative(await scalar(options.requestsQuery ?? DEFAULT_PROMETHEUS_QUERIES.requests)));
      const errors = options.errorRateQuery
        ? Math.round(nonNegative(await scalar(options.errorRateQuery)) * requests)
        : Math.round(nonNegative(await scalar(DEFAULT_PROMETHEUS_QUERIES.errors)));
      const histogram = options.latencyQuery ? null : toHistogram(await run(DEFAULT_PROMETHEUS_QUERIES.buckets));
      const p95Seconds = histogram
        ? histogramQuantile(0.95, histogram)
        : await scalar(options.latencyQuery ?? DEFAULT_PROMETHEUS_QUERIES.p95, Number.NaN); // no samples: p95 unknown, not 0 ms
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        requests,
        errors: Math.min(errors, requests),
        histogram,
        p95Ms: Number.isFinite(p95Seconds) ? p95Seconds * 1000 : null,
      };
    },
    async coverage(from: Date, to: Date, signal?: AbortSignal): Promise<number> {
      const seconds = Math.max(1, (to.getTime() - from.getTime()) / 1000);
      const stepSeconds = Math.max(15, Math.ceil(seconds / 60));
      const query = DEFAULT_PROMETHEUS_QUERIES.traffic.replaceAll('$step', `${stepSeconds * 2}s`);
      const series = await queryPrometheusRange(ctx, options.url, query, { start: from, end: to, stepSeconds }, signal);
      const expected = Math.floor(seconds / stepSeconds) + 1;
      const covered = new Set(series.flatMap((s) => s.values.filter(([, v]) => Number.isFinite(v) && v > 0).map(([at]) => at))).size;
      return Math.min(1, covered / expected);
    },
  };
}

/** An empty vector means nothing was recorded in the window: 0 requests, but an unknown p95. */
function firstValue(samples: ReadonlyArray<{ value: number }>, whenEmpty: number): number {
  return samples[0]?.value ?? whenEmpty;
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function toHistogram(samples: ReadonlyArray<{ metric: Record<string, string>; value: number }>): HistogramBucket[] | null {
  const buckets = samples
    .filter((sample) => sample.metric['le'] !== undefined && !Number.isNaN(sample.value))
    .map((sample) => ({ le: parseSampleValue(sample.metric['le']), count: sample.value }))
    .sort((a, b) => a.le - b.le); // `sum by (le)` comes back in any order; WindowStats wants +Inf last
  return buckets.length > 0 ? buckets : null;
}
