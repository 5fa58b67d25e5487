import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { startDemoService, type DemoService } from './start-demo-service.js';
import { initRepo, requestCounts, tempDir } from './test-repo.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(files: Record<string, string> = {}, trafficRps = 40): Promise<{ service: DemoService; commit: string }> {
  const repo = await tempDir('demo-service');
  cleanups.push(repo.remove);
  const commit = await initRepo(repo.path, '1.4.2', files);
  const service = await startDemoService({ port: 0, repoDir: repo.path, seed: 7, trafficRps });
  cleanups.push(service.close);
  return { service, commit };
}

describe('the demo service', () => {
  it('serves application/health+json with a passing check per component', async () => {
    const { service } = await serve();
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/health+json');
    const body = (await response.json()) as { status: string; releaseId: string; checks: Record<string, Array<{ status: string; componentId: string }>> };
    expect(body.status).toBe('pass');
    expect(body.releaseId).toBe('1.4.2');
    expect(Object.keys(body.checks)).toEqual(['database:responseTime', 'cache:responseTime', 'cdn:availability', 'jobs:queueDepth']);
    expect(Object.values(body.checks).map((c) => c[0]?.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('tells its version and the commit it runs on /api/version, and its state on /api/status', async () => {
    const { service, commit } = await serve();
    expect(await (await fetch(`${service.url}/api/version`)).json()).toEqual({ version: '1.4.2', commit });
    const status = await fetch(`${service.url}/api/status`);
    expect([200, 500]).toContain(status.status);
    expect(await status.json()).toMatchObject({ version: '1.4.2' });
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
  });

  it('serves Prometheus metrics that synthetic traffic keeps moving', async () => {
    const { service, commit } = await serve({}, 400);
    const first = await (await fetch(`${service.url}/metrics`)).text();
    await delay(600);
    const response = await fetch(`${service.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const second = await response.text();
    expect(requestCounts(second).total).toBeGreaterThan(requestCounts(first).total + 100);
    expect(second).toContain('# TYPE http_request_duration_seconds histogram');
    expect(second).toMatch(/^http_request_duration_seconds_bucket\{le="0.205"\} \d+$/m);
    expect(second).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf"\} \d+$/m);
    expect(second).toContain(`demo_build_info{version="1.4.2",commit="${commit}"} 1`);
  });

  it('raises the error rate once a fault file\'s onset has passed, after passing its health checks', async () => {
    const faults = { errorRate: 0.3, extraLatencyMs: 0, failingComponent: 'cache', onsetSeconds: 1.5 };
    const { service } = await serve({ 'demo-faults.json': JSON.stringify(faults) }, 500);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    await delay(1000);
    const before = requestCounts(await (await fetch(`${service.url}/metrics`)).text());
    expect(before.errors / before.total).toBeLessThan(0.05);
    await delay(1500);
    const after = requestCounts(await (await fetch(`${service.url}/metrics`)).text());
    expect((after.errors - before.errors) / (after.total - before.total)).toBeGreaterThan(0.15);
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'fail', checks: { 'cache:responseTime': [{ status: 'fail' }] } });
  });
});
