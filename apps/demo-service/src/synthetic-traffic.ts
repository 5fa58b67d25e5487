// Built-in traffic that keeps the metrics alive: every tick, a Poisson number of simulated
// requests is recorded straight into the metrics (no sockets).
import type { DemoFaults } from './demo-faults.js';
import type { MetricsRegistry } from './metrics-registry.js';
import type { SeededRandom } from './seeded-random.js';
import { simulateRequest } from './simulate-request.js';

export interface SyntheticTrafficOptions {
  rps: number;
  random: SeededRandom;
  metrics: MetricsRegistry;
  activeFaults: () => DemoFaults;
  tickMs?: number;
}

export function startSyntheticTraffic(options: SyntheticTrafficOptions): { stop(): void } {
  const tickMs = options.tickMs ?? 100;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const count = options.random.poisson((options.rps * (now - last)) / 1000);
    last = now;
    const faults = options.activeFaults();
    for (let i = 0; i < count; i++) {
      const request = simulateRequest(options.random, faults);
      options.metrics.record(request.route, request.status, request.seconds);
    }
  }, tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
