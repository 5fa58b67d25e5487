// The monitoring samples as chart series: current, baseline and the threshold line (the top
// of the band that starts at the baseline), for error rate (in %) and p95 latency (in ms).
import type { MonitorSample } from '../../api/types';

export interface ChartSeries {
  times: number[];
  current: (number | null)[];
  baseline: (number | null)[];
  threshold: (number | null)[];
}

type Pick = (s: MonitorSample) => [current: number | null, baseline: number | null, threshold: number | null];

function series(samples: readonly MonitorSample[], pick: Pick): ChartSeries {
  const out: ChartSeries = { times: [], current: [], baseline: [], threshold: [] };
  for (const s of samples) {
    const [current, baseline, threshold] = pick(s);
    out.times.push(Date.parse(s.at) / 1000);
    out.current.push(current);
    out.baseline.push(baseline);
    out.threshold.push(threshold);
  }
  return out;
}

const pct = (v: number | null) => (v === null ? null : v * 100);

export const errorRateSeries = (samples: readonly MonitorSample[]) =>
  series(samples, (s) => [pct(s.current.errorRate), pct(s.baseline.errorRate), s.baseline.errorRate === null ? null : s.baseline.errorRate * 100 + s.thresholds.errorRateIncrease]);

export const latencySeries = (samples: readonly MonitorSample[]) =>
  series(samples, (s) => [s.current.p95Ms, s.baseline.p95Ms, s.baseline.p95Ms === null ? null : s.baseline.p95Ms * (1 + s.thresholds.latencyDegradation)]);
