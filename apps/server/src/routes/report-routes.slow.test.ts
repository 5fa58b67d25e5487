import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorSample } from '@shipgate/core';
import { FakeEngine } from '../testing/fake-engine.js';
import { asDeployer, asViewer, createTestApp, waitForStatus, type TestApp } from '../testing/test-app.js';

let t: TestApp;
afterEach(async () => t?.app.close());

const sample = (at: string, errorRate: number): MonitorSample => ({
  at,
  baseline: { errorRate: 0.002, p95Ms: 180, requests: 600 },
  current: { errorRate, p95Ms: 185, requests: 400 },
  thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.5 },
  verdict: 'PASS',
  windowEndsAt: '2026-11-29T12:01:00Z',
});

async function release(): Promise<string> {
  const { id } = (await t.app.inject({ method: 'POST', url: `/api/projects/${t.projectId}/releases`, headers: asDeployer, payload: {} })).json();
  await waitForStatus(t.app, id, ['succeeded']);
  return id;
}

describe('the ship report monitoring chart', () => {
  it('is served as an SVG image of the release’s evaluations, with a policy that lets it run nothing', async () => {
    t = await createTestApp({ engine: new FakeEngine({ samples: [sample('2026-11-29T12:00:10Z', 0.003), sample('2026-11-29T12:00:15Z', 0.004)] }) });
    const id = await release();
    const chart = await t.app.inject({ url: `/api/releases/${id}/report/monitoring.svg`, headers: asViewer });
    expect(chart.statusCode).toBe(200);
    expect(chart.headers['content-type']).toContain('image/svg+xml');
    expect(chart.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(chart.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // two evaluations (the verdict repeats the last one: drawn once), one dot each per panel
    expect(chart.body.match(/<circle /g)).toHaveLength(4);
    expect((await t.app.inject({ url: `/api/releases/${id}/report/monitoring.svg` })).statusCode).toBe(401);
  });

  it('answers 404 for a release that was never monitored', async () => {
    t = await createTestApp();
    const id = await release();
    const chart = await t.app.inject({ url: `/api/releases/${id}/report/monitoring.svg`, headers: asDeployer });
    expect(chart.statusCode).toBe(404);
  });
});
