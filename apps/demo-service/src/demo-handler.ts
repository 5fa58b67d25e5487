// The service's routes. Real requests are measured and recorded like the synthetic ones;
// /api/status suffers the active faults too (errors and extra latency).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { DemoFaults } from './demo-faults.js';
import { healthDocument } from './health-document.js';
import type { MetricsRegistry } from './metrics-registry.js';
import type { Release } from './read-release.js';
import type { SeededRandom } from './seeded-random.js';
import { ROUTES, simulateRequest } from './simulate-request.js';

export interface DemoState {
  release: () => Release;
  activeFaults: () => DemoFaults;
  startedAt: () => number;
  metrics: MetricsRegistry;
  random: SeededRandom;
}

type Reply = { status: number; type: string; body: string };

export function demoHandler(state: DemoState): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    void route(state, request.method ?? 'GET', path).then(
      (reply) => send(response, reply),
      (error: unknown) => send(response, json(500, { error: String(error) })),
    ).finally(() => {
      if (path !== '/metrics') state.metrics.record(knownRoute(path), response.statusCode, (performance.now() - started) / 1000);
    });
  };
}

async function route(state: DemoState, method: string, path: string): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') return json(405, { error: `${method} is not allowed` });
  const release = state.release();
  switch (path) {
    case '/health': {
      const health = healthDocument(release, state.activeFaults(), new Date());
      return { status: health.httpStatus, type: 'application/health+json', body: JSON.stringify(health.body) };
    }
    case '/api/version':
      return json(200, { version: release.version, commit: release.commit });
    case '/api/status': {
      const faults = state.activeFaults();
      const outcome = simulateRequest(state.random, { ...faults, extraLatencyMs: 0 }, ROUTES[0]);
      if (faults.extraLatencyMs > 0) await delay(faults.extraLatencyMs);
      const uptimeSeconds = Math.round((Date.now() - state.startedAt()) / 1000);
      return outcome.status >= 500
        ? json(outcome.status, { status: 'error', version: release.version, error: 'simulated failure' })
        : json(200, { status: 'ok', version: release.version, commit: release.commit, uptimeSeconds });
    }
    case '/metrics':
      return { status: 200, type: 'text/plain; version=0.0.4; charset=utf-8', body: state.metrics.render(release) };
    default:
      return json(404, { error: `no route ${path}` });
  }
}

function knownRoute(path: string): string {
  return ['/health', '/api/version', '/api/status'].includes(path) ? path : 'other';
}

function json(status: number, body: unknown): Reply {
  return { status, type: 'application/json', body: JSON.stringify(body) };
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store' });
  response.end(reply.body);
}
