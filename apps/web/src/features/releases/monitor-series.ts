// The monitoring samples as chart series: current, baseline and the threshold line (the top
// of the band that starts at the baseline), for error rate (in %) and p95 latency (in ms).
// The x axis spans the watch window (the monitor step's start, or the first sample less one
// interval, to the window's end), and the baseline and threshold are drawn across all of it
// from the first sample, so even one sample sits inside a readable chart.
import type { MonitorSample } from '../../api/types';

export interface ChartSeries {
  times: number[];
  current: (number | null)[];
  baseline: (number | null)[];
  threshold: (number | null)[];
  /** The x range in seconds: the watch window. */
  window: [start: number, end: number];
  /** How many evaluations (samples) there are; times also holds the window's two ends. */
  evaluations: number;
  latest: number | null;
}

type Pick = (s: MonitorSample) => [current: number | null, baseline: number | null, threshold: number | null];

const DEFAULT_INTERVAL_S = 5;

export function watchWindow(samples: readonly MonitorSample[], startedAt?: string | null): [number, number] {
  const times = samples.map((s) => Date.parse(s.at) / 1000);
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined) {
    const start = startedAt ? Date.parse(startedAt) / 1000 : Date.now() / 1000;
    return [start, start + 60];
  }
  const interval = times.length > 1 ? Math.max(1, (last - first) / (times.length - 1)) : DEFAULT_INTERVAL_S;
  const started = startedAt ? Date.parse(startedAt) / 1000 : NaN;
  const start = Number.isFinite(started) && started <= first ? started : first - interval;
  const windowEnd = Date.parse(samples.at(-1)!.windowEndsAt) / 1000;
  const end = Math.max(Number.isFinite(windowEnd) ? windowEnd : -Infinity, last + interval);
  return [start, end];
}

function series(samples: readonly MonitorSample[], pick: Pick, startedAt?: string | null): ChartSeries {
  const window = watchWindow(samples, startedAt);
  const out: ChartSeries = { times: [], current: [], baseline: [], threshold: [], window, evaluations: samples.length, latest: null };
  const first = samples[0];
  if (!first) return out;
  const [, baseline, threshold] = pick(first);
  const push = (t: number, current: number | null) => {
    out.times.push(t);
    out.current.push(current);
    out.baseline.push(baseline);
    out.threshold.push(threshold);
  };
  const sampleTimes = samples.map((s) => Date.parse(s.at) / 1000);
  if (window[0] < sampleTimes[0]!) push(window[0], null);
  samples.forEach((s, i) => {
    const current = pick(s)[0];
    push(sampleTimes[i]!, current);
    if (current !== null) out.latest = current;
  });
  if (window[1] > sampleTimes.at(-1)!) push(window[1], null);
  return out;
}

const pct = (v: number | null) => (v === null ? null : v * 100);

export const errorRateSeries = (samples: readonly MonitorSample[], startedAt?: string | null) =>
  series(samples, (s) => [pct(s.current.errorRate), pct(s.baseline.errorRate), s.baseline.errorRate === null ? null : s.baseline.errorRate * 100 + s.thresholds.errorRateIncrease], startedAt);

export const latencySeries = (samples: readonly MonitorSample[], startedAt?: string | null) =>
  series(samples, (s) => [s.current.p95Ms, s.baseline.p95Ms, s.baseline.p95Ms === null ? null : s.baseline.p95Ms * (1 + s.thresholds.latencyDegradation)], startedAt);

/** A compact clock time for the x axis: HH:MM:SS. */
export function clockLabel(seconds: number): string {
  const d = new Date(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
