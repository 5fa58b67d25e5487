// One reading of an app's /metrics, reduced to the series monitoring needs, keyed by series
// so counter resets can be told apart per series.
import type { PrometheusExposition } from './parse-prometheus-text.js';

export const REQUESTS_METRIC = 'http_requests_total';
export const DURATION_BUCKET_METRIC = 'http_request_duration_seconds_bucket';

export interface MetricsSnapshot {
  at: Date;
  /** series key → { value, 5xx? } for http_requests_total */
  requests: Map<string, { value: number; isError: boolean }>;
  /** series key → { value, le } for http_request_duration_seconds_bucket */
  buckets: Map<string, { value: number; le: number }>;
}

export function metricsSnapshot(exposition: PrometheusExposition, at: Date): MetricsSnapshot {
  const snapshot: MetricsSnapshot = { at, requests: new Map(), buckets: new Map() };
  for (const sample of exposition.samples) {
    if (Number.isNaN(sample.value)) continue;
    const key = seriesKey(sample.labels);
    if (sample.name === REQUESTS_METRIC) {
      snapshot.requests.set(key, { value: sample.value, isError: /^5\d\d$/.test(sample.labels['status'] ?? '') });
    } else if (sample.name === DURATION_BUCKET_METRIC && sample.labels['le'] !== undefined) {
      const le = parseBound(sample.labels['le']);
      if (!Number.isNaN(le)) snapshot.buckets.set(key, { value: sample.value, le });
    }
  }
  return snapshot;
}

function parseBound(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  return text.trim() === '' ? Number.NaN : Number(text);
}

function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
