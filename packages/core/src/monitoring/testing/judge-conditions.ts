// The production conditions the judge is held to (monitoring-simulation.test.ts asserts the
// rates, judge-table.ts prints them for the README): healthy releases on bursty, drifting and
// cold-starting traffic, and regressions at and beyond the allowed size.
import type { SeededRandom } from './seeded-random.js';
import type { TrafficScenario } from './simulated-production.js';

export const MEDIAN_MS = 80;
export const SIGMA = 0.5;
export const BASE_ERROR_RATE = 0.003;

export interface JudgeCondition {
  name: string;
  /** Healthy: the release changes nothing (whatever production does around it). */
  healthy: boolean;
  /** Error bursts (20–60 s at 5–10% errors), one every this many minutes on average. */
  burstEveryMinutes?: number;
  /** The error rate drifts up by this many percentage points over baseline + window. */
  driftPp?: number;
  /** Slower after the deploy for a while: p95 × factor, abruptly back or fading linearly. */
  cold?: { seconds: number; factor: number; shape: 'abrupt' | 'fading' };
  /** From the deploy on: more errors (percentage points) and/or a slower median (× factor). */
  regression?: { errorPp?: number; latencyFactor?: number };
}

export const CONDITIONS: readonly JudgeCondition[] = [
  { name: 'steady traffic', healthy: true },
  { name: 'error bursts, one every 30 min', healthy: true, burstEveryMinutes: 30 },
  { name: 'error bursts, one every 10 min', healthy: true, burstEveryMinutes: 10 },
  { name: 'error rate drifting +2 pp over 30 min', healthy: true, driftPp: 2 },
  { name: 'cold start: p95 ×2 for 30 s, abrupt', healthy: true, cold: { seconds: 30, factor: 2, shape: 'abrupt' } },
  { name: 'cold start: p95 ×2 for 70 s, abrupt', healthy: true, cold: { seconds: 70, factor: 2, shape: 'abrupt' } },
  { name: 'cold start: p95 ×2 for 120 s, abrupt', healthy: true, cold: { seconds: 120, factor: 2, shape: 'abrupt' } },
  { name: 'cold start: p95 ×2 fading over 120 s', healthy: true, cold: { seconds: 120, factor: 2, shape: 'fading' } },
  { name: 'cold start: p95 ×1.3 for 90 s, abrupt', healthy: true, cold: { seconds: 90, factor: 1.3, shape: 'abrupt' } },
  { name: 'bursts every 10 min + cold start ×2 fading over 120 s', healthy: true, burstEveryMinutes: 10, cold: { seconds: 120, factor: 2, shape: 'fading' } },
  { name: '+1 pp errors (exactly the allowed increase)', healthy: false, regression: { errorPp: 1 } },
  { name: '+10% p95 (exactly the allowed degradation)', healthy: false, regression: { latencyFactor: 1.1 } },
  { name: '+3 pp errors', healthy: false, regression: { errorPp: 3 } },
  { name: '+3 pp errors on bursty traffic (every 10 min)', healthy: false, burstEveryMinutes: 10, regression: { errorPp: 3 } },
  { name: '+30% p95', healthy: false, regression: { latencyFactor: 1.3 } },
  { name: '+30% p95 on bursty traffic (every 10 min)', healthy: false, burstEveryMinutes: 10, regression: { latencyFactor: 1.3 } },
  { name: '+5 pp errors', healthy: false, regression: { errorPp: 5 } },
  { name: '+50% p95', healthy: false, regression: { latencyFactor: 1.5 } },
];

/** A condition at one traffic level as a seeded scenario on the timeline [−baseline, window] (s). */
export function scenarioOf(condition: JudgeCondition, rps: number, random: SeededRandom, timeline: { baselineSeconds: number; windowSeconds: number }): TrafficScenario {
  const start = -timeline.baselineSeconds;
  const span = timeline.baselineSeconds + timeline.windowSeconds;
  const bursts: Array<{ from: number; to: number; rate: number }> = [];
  if (condition.burstEveryMinutes) {
    // a Poisson process of bursts; one may already be under way when the baseline starts
    for (let at = start - 60 - exponential(random, condition.burstEveryMinutes * 60); at < start + span; at += exponential(random, condition.burstEveryMinutes * 60)) {
      bursts.push({ from: at, to: at + 20 + 40 * random.next(), rate: 0.05 + 0.05 * random.next() });
    }
  }
  const { cold, regression, driftPp } = condition;
  return {
    rps,
    medianMs: MEDIAN_MS,
    sigma: SIGMA,
    errorRate(t) {
      const burst = bursts.find((b) => t >= b.from && t < b.to);
      let rate = burst ? burst.rate : BASE_ERROR_RATE;
      if (driftPp) rate += ((driftPp / 100) * (t - start)) / span;
      if (regression?.errorPp && t >= 0) rate += regression.errorPp / 100;
      return rate;
    },
    latencyFactor(t) {
      let factor = regression?.latencyFactor && t >= 0 ? regression.latencyFactor : 1;
      if (cold && t >= 0 && t < cold.seconds) {
        factor *= cold.shape === 'abrupt' ? cold.factor : 1 + (cold.factor - 1) * (1 - t / cold.seconds);
      }
      return factor;
    },
  };
}

function exponential(random: SeededRandom, mean: number): number {
  return -mean * Math.log(1 - random.next());
}
