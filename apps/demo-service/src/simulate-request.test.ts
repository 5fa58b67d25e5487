import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from './demo-faults.js';
import { seededRandom } from './seeded-random.js';
import { simulateRequest } from './simulate-request.js';

function simulate(count: number, faults = NO_FAULTS) {
  const random = seededRandom(11);
  const requests = Array.from({ length: count }, () => simulateRequest(random, faults));
  const latencies = requests.map((r) => r.seconds * 1000).sort((a, b) => a - b);
  return {
    errorRate: requests.filter((r) => r.status >= 500).length / count,
    p95Ms: latencies[Math.floor(count * 0.95)]!,
  };
}

describe('simulateRequest', () => {
  it('gives a healthy release about 0.4% errors and a p95 inside the finely bucketed range', () => {
    const healthy = simulate(50_000);
    expect(healthy.errorRate).toBeGreaterThan(0.002);
    expect(healthy.errorRate).toBeLessThan(0.007);
    expect(healthy.p95Ms).toBeGreaterThan(100);
    expect(healthy.p95Ms).toBeLessThan(300);
  });

  it('adds the fault\'s error rate and latency on top', () => {
    const faulty = simulate(50_000, { ...NO_FAULTS, errorRate: 0.2, extraLatencyMs: 300 });
    expect(faulty.errorRate).toBeGreaterThan(0.18);
    expect(faulty.errorRate).toBeLessThan(0.23);
    expect(faulty.p95Ms).toBeGreaterThan(simulate(50_000).p95Ms + 250);
  });

  it('repeats the same traffic for the same seed', () => {
    expect(simulate(1000)).toEqual(simulate(1000));
  });
});
