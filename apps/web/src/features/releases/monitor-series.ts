// The monitoring samples as chart series: current, baseline and the limit line (the top of
// the allowed band that starts at the baseline), for error rate (in %) and p95 latency (in ms),
// plus the marks that tell the story: the early stretch with not enough data to judge, the
// breach, and the rollback.
// While monitoring runs the x axis spans the whole watch window (the monitor step's start, or
// the first sample less one interval, to the window's end), so the time left is visible; once
// it ended, the axis fits what happened (a faulty run's few points fill the chart).
import type { MonitorSample } from '../../api/types';
import { limitsOf } from './monitor-numbers';

export interface ChartSeries {
  times: number[];
  current: (number | null)[];
  /** The current value again where that evaluation had too little data to judge (drawn hollow). */
  undecided: (number | null)[];
  baseline: (number | null)[];
  threshold: (number | null)[];
  /** The x range in seconds. */
  window: [start: number, end: number];
  marks: ChartMarks;
  /** How many evaluations (samples) there are; times also holds the range's two ends. */
  evaluations: number;
  latest: number | null;
}

export interface ChartMarks {
  /** Until this time (s) the evaluations had too little data to judge; null when none did. */
  undecidedUntil: number | null;
  /** The first evaluation over the limit in the breach that ended monitoring. */
  breachAt: number | null;
  /** When the rollback started, and to what. */
  rollbackAt: number | null;
  rollbackTo: string | null;
}

export interface ChartContext {
  /** The monitor step's start. */
  startedAt?: string | null;
  /** Monitoring has ended (a verdict is in): fit the axis to the data. */
  isFinished?: boolean;
  /** The breach that ended monitoring (the verdict was FAIL). */
  isBreach?: boolean;
  rollbackAt?: string | null;
  rollbackTo?: string | null;
}

type Pick = (s: MonitorSample) => [current: number | null, baseline: number | null, threshold: number | null];

const DEFAULT_INTERVAL_S = 5;
const seconds = (iso: string | null | undefined) => (iso ? Date.parse(iso) / 1000 : NaN);
/** Too little data to judge: no data, or undecided on less traffic than the baseline had. */
export const isUndecided = (s: MonitorSample) => s.verdict === 'NO_DATA' || (s.verdict === 'INCONCLUSIVE' && s.current.requests < s.baseline.requests);

function intervalOf(times: readonly number[]): number {
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined || times.length < 2) return DEFAULT_INTERVAL_S;
  return Math.max(1, (last - first) / (times.length - 1));
}

export function watchWindow(samples: readonly MonitorSample[], context: ChartContext = {}): [number, number] {
  const times = samples.map((s) => seconds(s.at));
  const first = times[0];
  const last = times.at(-1);
  const started = seconds(context.startedAt);
  if (first === undefined || last === undefined) {
    const start = Number.isFinite(started) ? started : Date.now() / 1000;
    return [start, start + 60];
  }
  const interval = intervalOf(times);
  const start = Number.isFinite(started) && started <= first ? started : first - interval;
  if (context.isFinished) {
    // the last event, then room for the marks' labels (a third of the run, at least one interval)
    const rollback = seconds(context.rollbackAt);
    const end = Math.max(last, Number.isFinite(rollback) ? rollback : -Infinity);
    return [start, end + Math.max(interval, (end - start) / 3)];
  }
  const windowEnd = seconds(samples.at(-1)!.windowEndsAt);
  return [start, Math.max(Number.isFinite(windowEnd) ? windowEnd : -Infinity, last + interval)];
}

function marksOf(samples: readonly MonitorSample[], context: ChartContext): ChartMarks {
  const firstDecided = samples.findIndex((s) => !isUndecided(s));
  const undecidedUntil = firstDecided === 0 ? null : seconds((samples[firstDecided] ?? samples.at(-1))?.at);
  // the breach: the start of the last run of FAIL evaluations (the ones that ended monitoring)
  let breach = -1;
  if (context.isBreach) for (let i = samples.length - 1; i >= 0 && samples[i]!.verdict === 'FAIL'; i--) breach = i;
  const rollbackAt = seconds(context.rollbackAt);
  return {
    undecidedUntil: undecidedUntil !== null && Number.isFinite(undecidedUntil) ? undecidedUntil : null,
    breachAt: breach >= 0 ? seconds(samples[breach]!.at) : null,
    rollbackAt: Number.isFinite(rollbackAt) ? rollbackAt : null,
    rollbackTo: context.rollbackTo ?? null,
  };
}

function series(samples: readonly MonitorSample[], pick: Pick, context: ChartContext): ChartSeries {
  const window = watchWindow(samples, context);
  const out: ChartSeries = { times: [], current: [], undecided: [], baseline: [], threshold: [], window, marks: marksOf(samples, context), evaluations: samples.length, latest: null };
  const first = samples[0];
  if (!first) return out;
  const [, baseline, threshold] = pick(first);
  const push = (t: number, current: number | null, undecided: number | null) => {
    out.times.push(t);
    out.current.push(current);
    out.undecided.push(undecided);
    out.baseline.push(baseline);
    out.threshold.push(threshold);
  };
  const sampleTimes = samples.map((s) => seconds(s.at));
  if (window[0] < sampleTimes[0]!) push(window[0], null, null);
  samples.forEach((s, i) => {
    const current = pick(s)[0];
    push(sampleTimes[i]!, current, isUndecided(s) ? current : null);
    if (current !== null) out.latest = current;
  });
  if (window[1] > sampleTimes.at(-1)!) push(window[1], null, null);
  return out;
}

const pct = (v: number | null) => (v === null ? null : v * 100);

export const errorRateSeries = (samples: readonly MonitorSample[], context: ChartContext = {}) =>
  series(samples, (s) => [pct(s.current.errorRate), pct(s.baseline.errorRate), pct(limitsOf(s).errorRate)], context);

export const latencySeries = (samples: readonly MonitorSample[], context: ChartContext = {}) =>
  series(samples, (s) => [s.current.p95Ms, s.baseline.p95Ms, limitsOf(s).p95Ms], context);

/** A compact clock time for the x axis: HH:MM:SS. */
export function clockLabel(seconds: number): string {
  const d = new Date(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
