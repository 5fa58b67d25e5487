// One interface for every place metrics come from; one file per implementation
// (scrape-source.ts, prometheus-source.ts), picked by `monitoring.source.kind` in metric-sources.ts.
import type { HistogramBucket } from './histogram-quantile.js';

/** What happened in production between two instants. */
export interface WindowStats {
  from: string;
  to: string;
  requests: number;
  /** Requests answered with a 5xx status. */
  errors: number;
  /** Cumulative latency buckets of the window (le in seconds, last +Inf); null when the source has none. */
  histogram: HistogramBucket[] | null;
  /** 95th percentile latency in milliseconds; null when unknown. */
  p95Ms: number | null;
  /**
   * The same window cut into consecutive intervals (one per evaluation interval), when it was
   * measured that way (the baseline, the judged stretch after the deploy). The judge compares
   * these per-interval numbers; without them it falls back to the pooled counts.
   */
  slices?: WindowStats[];
}

export interface MetricSource {
  readonly kind: string;
  /** True when the source can answer for any past window (prometheus); false when it must observe both ends (scrape). */
  readonly keepsHistory: boolean;
  /** Takes a reading now (scrape: one GET of /metrics); sources that keep history do nothing. */
  observe(signal?: AbortSignal): Promise<void>;
  /** Requests, errors and latency between two instants (scrape: both must have been observed). */
  window(from: Date, to: Date, signal?: AbortSignal): Promise<WindowStats>;
  /**
   * Sources with history: the share (0–1) of [from, to] in which production recorded traffic,
   * so a baseline with holes (not scraped, down, brand new) is said out loud.
   */
  coverage?(from: Date, to: Date, signal?: AbortSignal): Promise<number>;
}
