// The Wilson score interval for a binomial proportion: well-behaved near 0 and with few
// events, where the textbook normal interval collapses.

export const Z_95 = 1.959963984540054;

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0) return { estimate: Number.NaN, lower: 0, upper: 1 };
  const p = Math.min(1, Math.max(0, successes / trials));
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { estimate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
