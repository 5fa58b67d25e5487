import { describe, expect, it } from 'vitest';
import { hodgesLehmannShift } from './hodges-lehmann-shift.js';
import { normalQuantile } from './normal-quantile.js';
import { Z_95 } from './wilson-interval.js';

describe('normalQuantile', () => {
  it('inverts the standard normal distribution', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z_95, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
    expect(normalQuantile(1 - 0.025 / 28)).toBeCloseTo(3.1234, 3);
  });
});

describe('hodgesLehmannShift', () => {
  it('takes the estimate and the 95% bounds from the ordered pairwise differences', () => {
    // x − y for x = [1, 2, 3, 4, 5], y = [0, 0, 0, 0, 0] is 1..5 each five times: estimate 3
    const shift = hodgesLehmannShift([1, 2, 3, 4, 5], [0, 0, 0, 0, 0], Z_95);
    expect(shift.estimate).toBe(3);
    // C = 12.5 − 1.96·√(25·11/12) = 3.11 → the 3rd smallest (1) and the 3rd largest (5)
    expect(shift).toMatchObject({ lower: 1, upper: 5, decisive: true });
  });

  it('shrugs off a few wild values that would drag a mean', () => {
    const base = Array.from({ length: 30 }, (_, i) => 0.3 + ((i * 7) % 10) / 100);
    const post = base.slice(0, 20).map((v, i) => (i < 3 ? v + 8 : v)); // three "burst" intervals at +8
    const shift = hodgesLehmannShift(post, base, 3);
    expect(Math.abs(shift.estimate)).toBeLessThan(0.05);
    expect(shift.lower).toBeLessThan(0.1);
    expect(shift.upper).toBeLessThan(1);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(post) - mean(base.slice(0, 20))).toBeCloseTo(1.2, 5);
  });

  it('finds a real shift of every value', () => {
    const base = Array.from({ length: 30 }, (_, i) => ((i * 13) % 17) / 10);
    const post = base.slice(5, 25).map((v) => v + 3);
    const shift = hodgesLehmannShift(post, base, 3);
    expect(shift.estimate).toBeCloseTo(3, 0);
    expect(shift.lower).toBeGreaterThan(2);
    expect(shift.decisive).toBe(true);
  });

  it('is not decisive when the samples are too small for the level', () => {
    expect(hodgesLehmannShift([5, 6], [1, 2, 3], 3)).toMatchObject({ decisive: false, lower: 2, upper: 5 });
    expect(hodgesLehmannShift([], [1], 2).decisive).toBe(false);
  });
});
