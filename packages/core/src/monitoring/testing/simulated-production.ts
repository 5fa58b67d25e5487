// Seeded production traffic for the judge's simulations, fast enough for thousands of releases:
// a MetricSource (scrape-like: it answers for the stretch between two of its readings) whose
// counters advance with the clock. Between two readings it draws the requests (Poisson), the
// 5xx errors (binomial at the stretch's mean error rate, so bursts shorter than a stretch keep
// their weight) and the latency histogram (multinomial over fine buckets from a lognormal whose
// median is multiplied by the scenario's factor at each second — cold starts, regressions).
// simulated-app.ts does the same through real /metrics text for end-to-end tests; this one
// skips the text so a 1000-seed table takes seconds, not hours.
import type { Clock } from '../../context.js';
import type { HistogramBucket } from '../histogram-quantile.js';
import { histogramQuantile } from '../histogram-quantile.js';
import type { MetricSource, WindowStats } from '../metric-source.js';
import type { SeededRandom } from './seeded-random.js';
import { SIMULATION_BUCKETS } from './simulated-app.js';

/** What production does at `t` seconds after the deploy (negative: before it). */
export interface TrafficScenario {
  rps: number;
  errorRate(t: number): number;
  /** Multiplies the median latency (1: as before the deploy). */
  latencyFactor(t: number): number;
  medianMs: number;
  /** Spread of log-latency. */
  sigma: number;
}

interface Reading {
  atMs: number;
  requests: number;
  errors: number;
  buckets: Float64Array;
}

export class SimulatedProduction implements MetricSource {
  readonly kind = 'simulated';
  readonly keepsHistory = false;
  private readonly readings: Reading[] = [];
  private readonly counts = new Float64Array(SIMULATION_BUCKETS.length + 1);
  private requests = 0;
  private errors = 0;
  private lastMs: number;
  private readonly shapes = new Map<number, Float64Array>();

  constructor(
    private readonly clock: Clock,
    private readonly random: SeededRandom,
    private readonly scenario: TrafficScenario,
    private readonly deployedMs: number,
  ) {
    this.lastMs = clock.now().getTime();
  }

  async observe(): Promise<void> {
    this.advance(this.clock.now().getTime());
    this.readings.push({ atMs: this.lastMs, requests: this.requests, errors: this.errors, buckets: this.counts.slice() });
  }

  async window(from: Date, to: Date): Promise<WindowStats> {
    const earlier = this.readings.findLast((r) => r.atMs <= from.getTime());
    const later = this.readings.findLast((r) => r.atMs <= to.getTime());
    if (!earlier || !later || later.atMs <= earlier.atMs) throw new Error(`no two readings between ${from.toISOString()} and ${to.toISOString()}`);
    const histogram: HistogramBucket[] = [];
    let cumulative = 0;
    for (let i = 0; i < this.counts.length; i++) {
      cumulative += later.buckets[i]! - earlier.buckets[i]!;
      histogram.push({ le: i < SIMULATION_BUCKETS.length ? SIMULATION_BUCKETS[i]! : Number.POSITIVE_INFINITY, count: cumulative });
    }
    const requests = later.requests - earlier.requests;
    const p95 = histogramQuantile(0.95, histogram);
    return {
      from: new Date(earlier.atMs).toISOString(),
      to: new Date(later.atMs).toISOString(),
      requests,
      errors: later.errors - earlier.errors,
      histogram: requests > 0 ? histogram : null,
      p95Ms: Number.isFinite(p95) ? p95 * 1000 : null,
    };
  }

  /** Draws the traffic of (lastMs, nowMs]: second by second for the rates, once for the counts. */
  private advance(nowMs: number): void {
    const seconds = (nowMs - this.lastMs) / 1000;
    if (seconds <= 0) return;
    const steps = Math.max(1, Math.round(seconds));
    let errorRate = 0;
    const factors = new Map<number, number>();
    for (let i = 0; i < steps; i++) {
      const t = (this.lastMs - this.deployedMs) / 1000 + ((i + 0.5) * seconds) / steps;
      errorRate += this.scenario.errorRate(t) / steps;
      const factor = Math.round(this.scenario.latencyFactor(t) * 1000) / 1000;
      factors.set(factor, (factors.get(factor) ?? 0) + 1 / steps);
    }
    this.lastMs = nowMs;
    const n = poisson(this.random, this.scenario.rps * seconds);
    if (n === 0) return;
    this.requests += n;
    this.errors += binomial(this.random, n, Math.min(1, Math.max(0, errorRate)));
    // the latency mixture of this stretch, bucket by bucket, drawn as a multinomial
    const mixture = new Float64Array(this.counts.length);
    for (const [factor, weight] of factors) {
      const shape = this.shape(factor);
      for (let i = 0; i < mixture.length; i++) mixture[i]! += weight * shape[i]!;
    }
    let left = n;
    let mass = 1;
    for (let i = 0; i < mixture.length && left > 0; i++) {
      const p = i === mixture.length - 1 ? 1 : Math.min(1, mixture[i]! / Math.max(mass, 1e-12));
      const drawn = binomial(this.random, left, p);
      this.counts[i]! += drawn;
      left -= drawn;
      mass -= mixture[i]!;
    }
  }

  /** Bucket probabilities of the lognormal latency with its median × factor. */
  private shape(factor: number): Float64Array {
    let shape = this.shapes.get(factor);
    if (shape) return shape;
    shape = new Float64Array(this.counts.length);
    const mu = Math.log((this.scenario.medianMs * factor) / 1000);
    let below = 0;
    SIMULATION_BUCKETS.forEach((le, i) => {
      const cdf = normalCdf((Math.log(le) - mu) / this.scenario.sigma);
      shape![i] = cdf - below;
      below = cdf;
    });
    shape[SIMULATION_BUCKETS.length] = 1 - below;
    this.shapes.set(factor, shape);
    return shape;
  }
}

export function poisson(random: SeededRandom, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random.next();
  while (product > limit) {
    k++;
    product *= random.next();
  }
  return k;
}

export function binomial(random: SeededRandom, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  const mean = n * p;
  if (mean >= 25) return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(mean * (1 - p)) * random.normal())));
  // inversion: walk the probability mass function from 0 (expected steps ≈ the mean)
  const q = 1 - p;
  const ratio = p / q;
  const a = (n + 1) * ratio;
  let mass = q ** n;
  let u = random.next();
  let k = 0;
  while (u > mass && k < n) {
    u -= mass;
    k++;
    mass *= a / k - ratio;
  }
  return k;
}

/** Φ(x) via the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
