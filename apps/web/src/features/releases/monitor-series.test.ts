import { describe, expect, it } from 'vitest';
import type { MonitorSample } from '../../api/types';
import { clockLabel, errorRateSeries, latencySeries, watchWindow } from './monitor-series';

const sample = (at: string, errorRate: number, windowEndsAt = '2026-11-26T08:37:06Z', verdict: MonitorSample['verdict'] = 'PASS'): MonitorSample => ({
  at,
  baseline: { errorRate: 0.005, p95Ms: 200, requests: 600 },
  current: { errorRate, p95Ms: 190, requests: 300 },
  thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.5 },
  verdict,
  windowEndsAt,
});

const s = (iso: string) => Date.parse(iso) / 1000;

describe('monitoring chart series', () => {
  it('spans the watch window from the monitor step start to the window end, even with one sample', () => {
    const one = errorRateSeries([sample('2026-11-26T08:36:16Z', 0.07)], { startedAt: '2026-11-26T08:36:06Z' });
    expect(one.window).toEqual([s('2026-11-26T08:36:06Z'), s('2026-11-26T08:37:06Z')]);
    expect(one.times).toEqual([s('2026-11-26T08:36:06Z'), s('2026-11-26T08:36:16Z'), s('2026-11-26T08:37:06Z')]);
    expect(one.current[0]).toBeNull();
    expect(one.current[1]).toBeCloseTo(7);
    expect(one.current[2]).toBeNull();
    // baseline and threshold drawn across the whole window from the first sample
    expect(one.baseline).toEqual([0.5, 0.5, 0.5]);
    expect(one.threshold).toEqual([1.5, 1.5, 1.5]);
    expect(one.evaluations).toBe(1);
    expect(one.latest).toBeCloseTo(7);
  });

  it('without a start time, starts one interval before the first sample', () => {
    expect(watchWindow([sample('2026-11-26T08:36:16Z', 0)])[0]).toBe(s('2026-11-26T08:36:11Z'));
    const two = [sample('2026-11-26T08:36:16Z', 0), sample('2026-11-26T08:36:26Z', 0)];
    expect(watchWindow(two)[0]).toBe(s('2026-11-26T08:36:06Z'));
  });

  it('ends after the last sample when the window has passed', () => {
    const late = [sample('2026-11-26T08:38:00Z', 0, '2026-11-26T08:37:06Z')];
    expect(watchWindow(late, { startedAt: '2026-11-26T08:36:06Z' })[1]).toBe(s('2026-11-26T08:38:05Z'));
  });

  it('keeps times strictly increasing and latency thresholds from the first sample', () => {
    const l = latencySeries([sample('2026-11-26T08:36:06Z', 0), sample('2026-11-26T08:36:11Z', 0)], { startedAt: '2026-11-26T08:36:06Z' });
    expect(l.times).toEqual([s('2026-11-26T08:36:06Z'), s('2026-11-26T08:36:11Z'), s('2026-11-26T08:37:06Z')]);
    expect(l.threshold.every((v) => v !== null && Math.abs(v - 220) < 1e-9)).toBe(true);
  });

  it('labels the x axis with a compact clock time', () => {
    expect(clockLabel(new Date(2026, 10, 26, 8, 5, 9).getTime() / 1000)).toBe('08:05:09');
  });

  it('marks the early evaluations that had too little data to judge', () => {
    const end = '2026-11-26T08:37:06Z';
    const samples = [sample('2026-11-26T08:36:11Z', 0.03, end, 'NO_DATA'), sample('2026-11-26T08:36:16Z', 0.02, end, 'INCONCLUSIVE'), sample('2026-11-26T08:36:21Z', 0.004, end)];
    const chart = errorRateSeries(samples, { startedAt: '2026-11-26T08:36:06Z' });
    expect(chart.marks.undecidedUntil).toBe(s('2026-11-26T08:36:21Z'));
    expect(chart.undecided.slice(1, 4).map((v) => (v === null ? null : Math.round(v)))).toEqual([3, 2, null]);
    // undecided on more traffic than the baseline had is uncertainty, not a lack of data
    const busy = { ...sample('2026-11-26T08:36:11Z', 0.01, end, 'INCONCLUSIVE'), current: { errorRate: 0.01, p95Ms: 190, requests: 900 } };
    expect(errorRateSeries([busy]).marks.undecidedUntil).toBeNull();
    expect(errorRateSeries([sample('2026-11-26T08:36:11Z', 0)]).marks.undecidedUntil).toBeNull();
  });

  it('marks the breach and the rollback, and fits the axis to a short faulty run', () => {
    const end = '2026-11-26T08:37:06Z';
    const samples = [sample('2026-11-26T08:36:11Z', 0.01, end), sample('2026-11-26T08:36:16Z', 0.09, end, 'FAIL'), sample('2026-11-26T08:36:21Z', 0.1, end, 'FAIL')];
    const chart = errorRateSeries(samples, { startedAt: '2026-11-26T08:36:06Z', isFinished: true, isBreach: true, rollbackAt: '2026-11-26T08:36:22Z', rollbackTo: '1.5.0' });
    expect(chart.marks.breachAt).toBe(s('2026-11-26T08:36:16Z'));
    expect(chart.marks.rollbackAt).toBe(s('2026-11-26T08:36:22Z'));
    expect(chart.marks.rollbackTo).toBe('1.5.0');
    // not the one-minute window: the last event (the rollback, 16 s in) plus a third of that for the labels
    expect(chart.window[0]).toBe(s('2026-11-26T08:36:06Z'));
    expect(chart.window[1]).toBeCloseTo(s('2026-11-26T08:36:22Z') + 16 / 3);
    // while it runs, the whole window shows, and there is no breach yet
    const running = errorRateSeries(samples, { startedAt: '2026-11-26T08:36:06Z' });
    expect(running.window[1]).toBe(s(end));
    expect(running.marks.breachAt).toBeNull();
  });
});
