// Number formats of the monitoring panel, matching the verdict sentences ("15.2%", "+14.9 pp",
// "212 ms"): one decimal for measurements, none for whole limits. And the limits themselves.
import type { MonitorSample } from '../../api/types';
const oneDecimal = (v: number) => {
  const text = (Math.round(v * 10) / 10).toFixed(1);
  return text === '-0.0' ? '0.0' : text;
};

export const limitText = (v: number) => oneDecimal(v).replace(/\.0$/, '');

/** A fraction as a percentage: 0.152 → "15.2%". */
export const percentText = (fraction: number | null) => (fraction === null ? '—' : `${oneDecimal(fraction * 100)}%`);

export const msText = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/** Percentage points with a sign: 14.93 → "+14.9 pp". */
export const ppText = (v: number) => `${v > 0 ? '+' : ''}${oneDecimal(v)} pp`;

/** A ratio as a change: 1.123 → "+12.3%". */
export const ratioText = (r: number) => `${r >= 1 ? '+' : ''}${oneDecimal((r - 1) * 100)}%`;

export interface Limits {
  /** The highest error rate allowed (a fraction), or null without a baseline. */
  errorRate: number | null;
  /** The highest p95 latency allowed (ms), or null without a baseline. */
  p95Ms: number | null;
  /** An error rate above this (a fraction) is an outage. */
  ceiling: number;
}

/** The limits a sample is judged against: the baseline plus the allowed change. */
export function limitsOf(sample: MonitorSample): Limits {
  const { baseline, thresholds } = sample;
  return {
    errorRate: baseline.errorRate === null ? null : baseline.errorRate + thresholds.errorRateIncrease / 100,
    p95Ms: baseline.p95Ms === null ? null : baseline.p95Ms * (1 + thresholds.latencyDegradation),
    ceiling: thresholds.errorRateCeiling,
  };
}
