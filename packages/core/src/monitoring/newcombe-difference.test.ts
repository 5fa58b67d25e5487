import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe-difference.js';
import { wilsonInterval } from './wilson-interval.js';

describe('wilsonInterval', () => {
  it('matches the published score interval for 81 of 263', () => {
    const interval = wilsonInterval(81, 263);
    expect(interval.estimate).toBeCloseTo(0.308, 3);
    expect(interval.lower).toBeCloseTo(0.2553, 3);
    expect(interval.upper).toBeCloseTo(0.3662, 3);
  });

  it('stays inside [0, 1] with no events at all', () => {
    const interval = wilsonInterval(0, 50);
    expect(interval.lower).toBe(0);
    expect(interval.upper).toBeCloseTo(0.0714, 3);
  });
});

describe('newcombeDifference', () => {
  it("reproduces Newcombe's (1998) method 10 examples", () => {
    const a = newcombeDifference(56, 70, 48, 80);
    expect(a.estimate).toBeCloseTo(0.2, 4);
    expect(a.lower).toBeCloseTo(0.0524, 4);
    expect(a.upper).toBeCloseTo(0.3339, 4);
    const d = newcombeDifference(10, 10, 0, 20);
    expect(d.lower).toBeCloseTo(0.6791, 4);
    expect(d.upper).toBeCloseTo(1, 4);
  });
});
