// The Prometheus metric source against a real Prometheus (Debian package) scraping the real
// demo production service once a second: a healthy window gives plausible numbers, a window
// before anything existed gives none, and after a faulty release (30% errors) the judge fails
// it against the healthy baseline.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, createPrometheusSource, judge, type MetricSource, type WindowStats } from '@shipgate/core';
import { startDemoService, type DemoService } from '@shipgate/demo-service';
import { createNodeContext } from '@shipgate/runtime';

const PROMETHEUS = process.env.SHIPGATE_PROMETHEUS ?? '/usr/bin/prometheus';
const TRAFFIC_RPS = 100;
const BASELINE_SECONDS = 10;
const FAULTY_SECONDS = 10;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor<T>(what: string, timeoutMs: number, attempt: () => Promise<T | null>, log: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${log()}`);
    await sleep(250);
  }
}

describe('the Prometheus metric source against a real Prometheus scraping the demo service', () => {
  let work: string;
  let service: DemoService | undefined;
  let prometheus: ChildProcess | undefined;
  let prometheusUrl: string;
  let prometheusLog = '';
  let source: MetricSource;
  const testStartedAt = new Date();
  let baseline: WindowStats;

  beforeAll(async () => {
    if (!existsSync(PROMETHEUS)) {
      throw new Error(`${PROMETHEUS} is missing: install it with \`sudo apt-get install -y --no-install-recommends prometheus\` (npm test does that itself when run as root on Debian)`);
    }
    work = mkdtempSync(join(tmpdir(), 'shipgate-prometheus-'));
    const repoDir = join(work, 'app');
    const tsdb = join(work, 'tsdb');
    mkdirSync(repoDir);
    writeFileSync(join(repoDir, 'package.json'), JSON.stringify({ name: 'demo-app', version: '1.0.0' }));

    service = await startDemoService({ port: 0, host: '127.0.0.1', repoDir, seed: 7, trafficRps: TRAFFIC_RPS });
    const target = new URL(service.url).host;
    const configFile = join(work, 'prometheus.yml');
    writeFileSync(
      configFile,
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: demo',
        '    metrics_path: /metrics',
        '    static_configs:',
        `      - targets: ['${target}']`,
        '',
      ].join('\n'),
    );

    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      PROMETHEUS,
      [`--config.file=${configFile}`, `--storage.tsdb.path=${tsdb}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout?.on('data', (d) => (prometheusLog += d));
    prometheus.stderr?.on('data', (d) => (prometheusLog += d));

    source = createPrometheusSource(createNodeContext({ emit: () => {} }), { url: prometheusUrl });

    // The target is up once the first scrape has landed (~5 s after start).
    await waitFor(
      'the demo service target to be up in Prometheus',
      30_000,
      async () => {
        if (prometheus?.exitCode !== null) throw new Error('prometheus exited');
        const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent('up')}`);
        const body = (await response.json()) as { data?: { result?: Array<{ value: [number, string] }> } };
        return body.data?.result?.some((r) => r.value[1] === '1') ? true : null;
      },
      () => (prometheus?.exitCode !== null ? `prometheus exited with ${prometheus?.exitCode}:\n${prometheusLog}` : prometheusLog.slice(-2000)),
    );
    // Enough history for a baseline window entirely inside the scraped range.
    await sleep((BASELINE_SECONDS + 2) * 1000);
    const to = new Date(Date.now() - 1000);
    baseline = await source.window(new Date(to.getTime() - BASELINE_SECONDS * 1000), to);
  }, 60_000);

  afterAll(async () => {
    if (prometheus) await stopProcess(prometheus);
    await service?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('measures a healthy window as about trafficRps × seconds requests, few errors and a p95 within the demo latency range', () => {
    const expected = TRAFFIC_RPS * BASELINE_SECONDS;
    expect(baseline.requests).toBeGreaterThan(0);
    expect(baseline.requests).toBeGreaterThan(expected * 0.5);
    expect(baseline.requests).toBeLessThan(expected * 1.6);
    expect(baseline.errors).toBeGreaterThanOrEqual(0);
    expect(baseline.errors / baseline.requests).toBeLessThan(0.03); // base 5xx rate is 0.4%
    expect(baseline.p95Ms).not.toBeNull();
    expect(Number.isFinite(baseline.p95Ms)).toBe(true);
    // Route medians are 25–160 ms with a lognormal spread: p95 lands well inside 50–1000 ms.
    expect(baseline.p95Ms!).toBeGreaterThan(50);
    expect(baseline.p95Ms!).toBeLessThan(1000);
    expect(baseline.histogram?.at(-1)?.le).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports no requests, no histogram and no p95 for a window before anything was scraped, and the judge says NO_DATA', async () => {
    const to = new Date(testStartedAt.getTime() - 60_000);
    const empty = await source.window(new Date(to.getTime() - 30_000), to);
    expect(empty).toMatchObject({ requests: 0, errors: 0, histogram: null, p95Ms: null });
    const judgement = judge({
      baseline: empty,
      current: baseline,
      thresholds: CONFIG_DEFAULTS.monitoring.thresholds,
      at: new Date(),
      windowEndsAt: new Date(),
    });
    expect(judgement.verdict).toBe('NO_DATA');
  });

  it('measures through query_range how much of a window had traffic: all of the scraped past, part of one reaching back before the start', async () => {
    const now = new Date(Date.now() - 1000);
    expect(await source.coverage!(new Date(now.getTime() - 10_000), now)).toBe(1);
    const partial = await source.coverage!(new Date(testStartedAt.getTime() - 150_000), now);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(0.9);
  });

  it('sees the error rate rise after a faulty release and the judge fails it against the healthy baseline', async () => {
    writeFileSync(
      join(work, 'app', 'demo-faults.json'),
      JSON.stringify({ errorRate: 0.3, extraLatencyMs: 0, failingComponent: null, onsetSeconds: 0 }),
    );
    await service!.reload(); // a restart: counters begin at 0 again, which increase() must handle
    const from = new Date(Date.now() + 2000);
    await sleep((FAULTY_SECONDS + 3) * 1000);
    const to = new Date(from.getTime() + FAULTY_SECONDS * 1000);
    const current = await source.window(from, to);

    expect(current.requests).toBeGreaterThan(TRAFFIC_RPS * FAULTY_SECONDS * 0.5);
    expect(current.requests).toBeLessThan(TRAFFIC_RPS * FAULTY_SECONDS * 1.6);
    const rate = current.errors / current.requests;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.45);
    expect(rate).toBeGreaterThan(baseline.errors / baseline.requests + 0.15);

    const judgement = judge({
      baseline,
      current,
      thresholds: CONFIG_DEFAULTS.monitoring.thresholds,
      at: to,
      windowEndsAt: new Date(to.getTime() + 60_000),
    });
    expect(judgement.verdict).toBe('FAIL');
    expect(judgement.isCeilingBreach).toBe(false); // 30% is below the 50% outage ceiling: the statistics decide
    expect(judgement.reason).toMatch(/error rate/i);
  }, 30_000);

  it('passes a healthy window judged against the healthy baseline', async () => {
    // Sanity for the FAIL above: the same source and judge do not fail healthy traffic.
    const half = BASELINE_SECONDS / 2;
    const to = new Date(baseline.to);
    const first = await source.window(new Date(to.getTime() - BASELINE_SECONDS * 1000), new Date(to.getTime() - half * 1000));
    const second = await source.window(new Date(to.getTime() - half * 1000), to);
    const judgement = judge({
      baseline: first,
      current: second,
      thresholds: { ...CONFIG_DEFAULTS.monitoring.thresholds, minRequests: 100 },
      at: to,
      windowEndsAt: to,
    });
    expect(judgement.verdict).not.toBe('FAIL');
  });
});
