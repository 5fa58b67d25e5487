// One simulated request: a lognormal latency per route (median, spread) and a small base error
// rate, with the active faults on top.
import type { DemoFaults } from './demo-faults.js';
import type { SeededRandom } from './seeded-random.js';

export const ROUTES = [
  { route: '/api/status', weight: 0.3, medianMs: 25 },
  { route: '/api/products', weight: 0.35, medianMs: 70 },
  { route: '/api/cart', weight: 0.25, medianMs: 90 },
  { route: '/api/checkout', weight: 0.1, medianMs: 160 },
] as const;

const SPREAD = 0.45;
const BASE_ERROR_RATE = 0.004;
const NOT_FOUND_RATE = 0.01;

export interface SimulatedRequest {
  route: string;
  status: number;
  seconds: number;
}

export function pickRoute(random: SeededRandom): (typeof ROUTES)[number] {
  let draw = random.next();
  for (const route of ROUTES) {
    draw -= route.weight;
    if (draw < 0) return route;
  }
  return ROUTES[0];
}

/** `faults` are the ones active now (NO_FAULTS before the onset). */
export function simulateRequest(random: SeededRandom, faults: DemoFaults, route = pickRoute(random)): SimulatedRequest {
  const latencyMs = route.medianMs * Math.exp(SPREAD * random.normal()) + faults.extraLatencyMs;
  const draw = random.next();
  const status =
    draw < faults.errorRate ? 503 : draw < faults.errorRate + BASE_ERROR_RATE ? 500 : draw < faults.errorRate + BASE_ERROR_RATE + NOT_FOUND_RATE ? 404 : 200;
  return { route: route.route, status, seconds: latencyMs / 1000 };
}
