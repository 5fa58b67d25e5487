// Newcombe's hybrid score interval (method 10, 1998) for the difference of two independent
// proportions p1 − p2, built from the two Wilson intervals. Good coverage with rare events,
// which is exactly the error-rate case (0.5% errors).
import { wilsonInterval, Z_95, type Interval } from './wilson-interval.js';

export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z_95): Interval {
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  const estimate = a.estimate - b.estimate;
  return {
    estimate,
    lower: estimate - Math.sqrt((a.estimate - a.lower) ** 2 + (b.upper - b.estimate) ** 2),
    upper: estimate + Math.sqrt((a.upper - a.estimate) ** 2 + (b.estimate - b.lower) ** 2),
  };
}
