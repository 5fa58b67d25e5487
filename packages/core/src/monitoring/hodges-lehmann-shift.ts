// The Hodges–Lehmann shift between two samples with the distribution-free confidence interval
// that inverts the Mann–Whitney (Wilcoxon rank-sum) test (Hollander & Wolfe, Nonparametric
// Statistical Methods, §4.3) — the comparison Kayenta's canary judge makes of per-interval
// metrics. The estimate is the median of all pairwise differences x_i − y_j; the interval runs
// from the C-th smallest to the C-th largest of them, C = nm/2 − z·√(nm(n+m+1)/12) (normal
// approximation, rounded down: never narrower than the exact interval). A few wild values (an
// error burst, a slow minute) move neither the estimate nor the bounds much, unlike a mean's.
import type { Interval } from './wilson-interval.js';

export interface ShiftInterval extends Interval {
  /**
   * False when the samples are too small for an interval at this level (C < 1): the bounds are
   * then the extreme differences and must not decide anything.
   */
  decisive: boolean;
}

export function hodgesLehmannShift(x: readonly number[], y: readonly number[], z: number): ShiftInterval {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return { estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN, decisive: false };
  const differences = new PairwiseDifferences(x, y);
  const total = n * m;
  const middle = total >> 1;
  const estimate = total % 2 === 1 ? differences.kth(middle + 1) : (differences.kth(middle) + differences.kth(middle + 1)) / 2;
  const c = Math.floor(total / 2 - z * Math.sqrt((total * (n + m + 1)) / 12));
  const rank = Math.max(1, c);
  return { estimate, lower: differences.kth(rank), upper: differences.kth(total + 1 - rank), decisive: c >= 1 };
}

/**
 * Order statistics of the n·m differences x_i − y_j without listing them: with both samples
 * sorted, how many differences are ≤ v is counted in O(n + m), and the k-th smallest is found by
 * bisecting on v until few differences are left between the bounds, which are then listed
 * (far faster than sorting all n·m values, which thousands of simulated watches would feel).
 */
class PairwiseDifferences {
  private readonly x: number[];
  private readonly y: number[];

  constructor(x: readonly number[], y: readonly number[]) {
    this.x = [...x].sort((a, b) => a - b);
    this.y = [...y].sort((a, b) => a - b);
  }

  /** The k-th smallest difference (1-based). */
  kth(k: number): number {
    const { x, y } = this;
    let lo = x[0]! - y[y.length - 1]!; // the smallest difference
    let hi = x[x.length - 1]! - y[0]!; // the largest
    let below = this.countAtMost(lo);
    if (below >= k) return lo;
    // invariant: count(≤ lo) = below < k ≤ count(≤ hi); narrow until few differences lie between
    let upTo = x.length * y.length;
    for (let i = 0; i < 200 && upTo - below > x.length + y.length; i++) {
      // bisect between the differences just inside the bracket, so tied values (many intervals
      // with no errors at low traffic) end the search at once
      const first = this.smallestAbove(lo);
      const last = this.largestAtMost(hi);
      if (first >= last) return last;
      const mid = first + (last - first) / 2;
      const count = this.countAtMost(mid);
      if (count >= k) {
        hi = mid;
        upTo = count;
      } else {
        lo = mid;
        below = count;
      }
    }
    return this.between(lo, hi).sort((a, b) => a - b)[k - below - 1]!;
  }

  /** The smallest difference above v. */
  private smallestAbove(v: number): number {
    const { x, y } = this;
    let best = Number.POSITIVE_INFINITY;
    let start = 0; // first j with x_i − y_j ≤ v; moves right as i grows
    for (let i = 0; i < x.length; i++) {
      while (start < y.length && x[i]! - y[start]! > v) start++;
      // the differences above v for this x_i are with y_0 … y_{start−1}; the smallest is the last
      if (start > 0) best = Math.min(best, x[i]! - y[start - 1]!);
    }
    return best;
  }

  /** The largest difference at most v. */
  private largestAtMost(v: number): number {
    const { x, y } = this;
    let best = Number.NEGATIVE_INFINITY;
    let j = 0;
    for (let i = 0; i < x.length; i++) {
      while (j < y.length && x[i]! - y[j]! > v) j++;
      if (j < y.length) best = Math.max(best, x[i]! - y[j]!);
    }
    return best;
  }

  /** The differences in (lo, hi], in no order: for each x_i a run of y_j, found by two pointers. */
  private between(lo: number, hi: number): number[] {
    const { x, y } = this;
    const found: number[] = [];
    let first = 0; // first j with x_i − y_j ≤ hi
    let end = 0; // first j with x_i − y_j ≤ lo
    for (let i = 0; i < x.length; i++) {
      while (first < y.length && x[i]! - y[first]! > hi) first++;
      while (end < y.length && x[i]! - y[end]! > lo) end++;
      for (let j = first; j < end; j++) found.push(x[i]! - y[j]!);
    }
    return found;
  }

  /** #{(i, j): x_i − y_j ≤ v}. */
  private countAtMost(v: number): number {
    const { x, y } = this;
    let count = 0;
    let j = 0; // first y_j with x_i − y_j ≤ v; moves right as i grows
    for (let i = 0; i < x.length; i++) {
      while (j < y.length && x[i]! - y[j]! > v) j++;
      count += y.length - j;
    }
    return count;
  }

}
