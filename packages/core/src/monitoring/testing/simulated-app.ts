// A simulated production app for the monitoring tests: it serves /metrics through a fake
// ctx.http, producing seeded traffic for the clock time elapsed since the previous scrape
// (lognormal latencies into fine buckets, Bernoulli 5xx errors).
import type { Clock, Http } from '../../context.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

export interface TrafficProfile {
  rps: number;
  errorRate: number;
  medianMs: number;
  /** Spread of log-latency. */
  sigma: number;
}

/** Seconds: 5 ms steps up to 400 ms, then coarser. */
export const SIMULATION_BUCKETS = [
  ...Array.from({ length: 80 }, (_, i) => ((i + 1) * 5) / 1000),
  0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.5, 2, 3, 5, 10,
];

export class SimulatedApp {
  profile: TrafficProfile;
  private readonly random: SeededRandom;
  private lastMs: number;
  private ok = 0;
  private errors = 0;
  private readonly bucketCounts = new Array<number>(SIMULATION_BUCKETS.length + 1).fill(0);
  private sumSeconds = 0;

  constructor(
    private readonly clock: Clock,
    seed: number,
    profile: TrafficProfile,
  ) {
    this.random = seededRandom(seed);
    this.profile = profile;
    this.lastMs = clock.now().getTime();
  }

  /** A process restart: every counter starts again at 0. */
  restart(): void {
    this.advance();
    this.ok = 0;
    this.errors = 0;
    this.sumSeconds = 0;
    this.bucketCounts.fill(0);
  }

  readonly http: Http = async () => {
    this.advance();
    return { status: 200, headers: { 'content-type': 'text/plain; version=0.0.4' }, body: this.render() };
  };

  private advance(): void {
    const now = this.clock.now().getTime();
    const count = Math.round(((now - this.lastMs) / 1000) * this.profile.rps);
    this.lastMs = now;
    const { errorRate, medianMs, sigma } = this.profile;
    const mu = Math.log(medianMs / 1000);
    for (let i = 0; i < count; i++) {
      if (this.random.next() < errorRate) this.errors++;
      else this.ok++;
      const seconds = Math.exp(mu + sigma * this.random.normal());
      this.sumSeconds += seconds;
      const index = SIMULATION_BUCKETS.findIndex((le) => seconds <= le);
      this.bucketCounts[index === -1 ? SIMULATION_BUCKETS.length : index]! += 1;
    }
  }

  private render(): string {
    const lines = [
      '# HELP http_requests_total Requests served.',
      '# TYPE http_requests_total counter',
      `http_requests_total{route="/api/items",status="200"} ${this.ok}`,
      `http_requests_total{route="/api/items",status="503"} ${this.errors}`,
      '# TYPE http_request_duration_seconds histogram',
    ];
    let cumulative = 0;
    SIMULATION_BUCKETS.forEach((le, i) => {
      cumulative += this.bucketCounts[i]!;
      lines.push(`http_request_duration_seconds_bucket{le="${le}"} ${cumulative}`);
    });
    cumulative += this.bucketCounts[SIMULATION_BUCKETS.length]!;
    lines.push(`http_request_duration_seconds_bucket{le="+Inf"} ${cumulative}`);
    lines.push(`http_request_duration_seconds_sum ${this.sumSeconds}`, `http_request_duration_seconds_count ${cumulative}`);
    return `${lines.join('\n')}\n`;
  }
}
