// Metric source that reads the app's own /metrics through ctx.http and keeps the readings,
// so any window between two readings can be computed from counter deltas.
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import type { MetricSource, WindowStats } from './metric-source.js';
import { metricsSnapshot, type MetricsSnapshot } from './metrics-snapshot.js';
import { parsePrometheusText } from './parse-prometheus-text.js';
import { windowBetween } from './window-between.js';

export interface ScrapeSourceOptions {
  url: string;
  timeoutMs?: number;
  /** Readings kept; the oldest are dropped first. */
  maxSnapshots?: number;
}

export function createScrapeSource(ctx: CoreContext, options: ScrapeSourceOptions): MetricSource & { readonly snapshots: readonly MetricsSnapshot[] } {
  const snapshots: MetricsSnapshot[] = [];
  const maxSnapshots = options.maxSnapshots ?? 2000;

  const latestAtOrBefore = (instant: Date): MetricsSnapshot | undefined =>
    snapshots.findLast((snapshot) => snapshot.at.getTime() <= instant.getTime());

  return {
    kind: 'scrape',
    keepsHistory: false,
    snapshots,
    async observe(signal?: AbortSignal): Promise<void> {
      const at = ctx.clock.now();
      const response = await ctx.http(options.url, {
        headers: { accept: 'text/plain;version=0.0.4' },
        timeoutMs: options.timeoutMs ?? 5000,
        ...(signal ? { signal } : {}),
      });
      if (response.status !== 200) {
        throw new ShipgateError('INTERNAL', `GET ${options.url} answered ${response.status}`, {
          field: 'monitoring.source.url',
          hint: 'The scrape source needs the app to serve Prometheus text at this URL.',
        });
      }
      snapshots.push(metricsSnapshot(parsePrometheusText(response.body), at));
      if (snapshots.length > maxSnapshots) snapshots.splice(0, snapshots.length - maxSnapshots);
    },
    async window(from: Date, to: Date): Promise<WindowStats> {
      const earlier = latestAtOrBefore(from) ?? snapshots[0];
      const later = latestAtOrBefore(to);
      if (!earlier || !later || later.at.getTime() <= earlier.at.getTime()) {
        throw new ShipgateError('INTERNAL', `no two /metrics readings between ${from.toISOString()} and ${to.toISOString()}`, {
          hint: 'Call observe() at the start and at the end of the window.',
        });
      }
      return windowBetween(earlier, later);
    },
  };
}
