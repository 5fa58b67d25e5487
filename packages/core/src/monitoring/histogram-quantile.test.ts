import { describe, expect, it } from 'vitest';
import { countAbove } from './count-above.js';
import { histogramQuantile } from './histogram-quantile.js';

const INF = Number.POSITIVE_INFINITY;
const buckets = [
  { le: 0.1, count: 50 },
  { le: 0.2, count: 90 },
  { le: 0.4, count: 100 },
  { le: INF, count: 100 },
];

describe('histogramQuantile', () => {
  it('interpolates linearly inside the bucket holding the rank, as PromQL does', () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.15);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.3);
  });

  it('takes 0 as the lower edge of the first bucket', () => {
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.05);
  });

  it('returns the highest finite bound when the rank falls in the +Inf bucket', () => {
    expect(histogramQuantile(0.99, [{ le: 0.1, count: 90 }, { le: 0.2, count: 95 }, { le: INF, count: 100 }])).toBe(0.2);
  });

  it('returns NaN without observations or without a +Inf bucket, and ±Inf outside [0, 1]', () => {
    expect(histogramQuantile(0.95, [{ le: 0.1, count: 0 }, { le: INF, count: 0 }])).toBeNaN();
    expect(histogramQuantile(0.95, [{ le: 0.1, count: 3 }, { le: 0.2, count: 5 }])).toBeNaN();
    expect(histogramQuantile(1.5, buckets)).toBe(INF);
    expect(histogramQuantile(-1, buckets)).toBe(-INF);
  });

  it('sorts buckets and repairs non-monotonic counts', () => {
    const shuffled = [{ le: INF, count: 100 }, { le: 0.2, count: 90 }, { le: 0.1, count: 95 }, { le: 0.4, count: 100 }];
    expect(histogramQuantile(0.5, shuffled)).toBeCloseTo(0.1 * (50 / 95));
  });
});

describe('countAbove', () => {
  it('counts observations above a threshold, interpolating inside its bucket', () => {
    expect(countAbove(0.3, buckets)).toEqual({ above: 5, total: 100 });
    expect(countAbove(0.2, buckets)).toEqual({ above: 10, total: 100 });
    expect(countAbove(0.05, buckets)).toEqual({ above: 75, total: 100 });
  });

  it('counts everything in the +Inf bucket as above a threshold past the last finite bound', () => {
    expect(countAbove(5, [{ le: 0.1, count: 90 }, { le: INF, count: 100 }])).toEqual({ above: 10, total: 100 });
  });
});
