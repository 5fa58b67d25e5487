import { describe, expect, it } from 'vitest';
import type { CheckTiming, HealthCheckConfig, HttpCheckConfig } from '../config/config-types.js';
import type { HttpResponse } from '../context.js';
import type { HealthResult } from '../events.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import { runHealthChecks } from './run-health-checks.js';

const timing: CheckTiming = {
  timeoutSeconds: 5,
  intervalSeconds: 5,
  initialDelaySeconds: 0,
  successThreshold: 1,
  failureThreshold: 3,
  deadlineSeconds: 60,
  severity: 'critical',
};

function httpConfig(name: string, overrides: Partial<HttpCheckConfig> = {}): HttpCheckConfig {
  return { ...timing, kind: 'http', name, url: `http://app/${name}`, method: 'GET', headers: {}, expectStatus: [200], ...overrides };
}

type Answer = number | Error;

/** An http port answering each URL from a script (the last answer repeats), recording call times. */
function scriptedContext(script: Record<string, Answer[]>) {
  const clock = new ManualClock();
  const calls: Array<{ url: string; at: number }> = [];
  const ctx = fakeContext({
    clock,
    http: async (url) => {
      calls.push({ url, at: clock.now().getTime() });
      const answers = script[url] ?? [];
      const count = calls.filter((c) => c.url === url).length;
      const answer = answers[Math.min(count, answers.length) - 1] ?? 500;
      if (answer instanceof Error) throw answer;
      return { status: answer, headers: {}, body: 'ok' } satisfies HttpResponse;
    },
  });
  const start = clock.now().getTime();
  const finals = () => ctx.events.flatMap((e) => (e.type === 'health.result' && e.result.final ? [e.result] : []));
  const attempts = () => ctx.events.flatMap((e) => (e.type === 'health.result' && !e.result.final ? [e.result] : []));
  return { ctx, clock, calls, start, finals, attempts };
}

const run = (checks: HealthCheckConfig[], ctx: ReturnType<typeof scriptedContext>['ctx']) =>
  runHealthChecks(checks, { ctx, version: '1.4.0', phase: 'deploy' });

describe('runHealthChecks', () => {
  it('passes a check after successThreshold consecutive passes, emitting every attempt and one final result', async () => {
    const s = scriptedContext({ 'http://app/api': [503, 200, 200] });
    const summary = await run([httpConfig('api', { successThreshold: 2 })], s.ctx);
    expect(summary.passed).toBe(true);
    expect(summary.results).toHaveLength(1);
    expect(summary.results[0]).toMatchObject({ check: 'api', outcome: 'pass', final: true, attempt: 3, observed: '200', phase: 'deploy' });
    expect(s.attempts().map((r) => r.outcome)).toEqual(['fail', 'pass', 'pass']);
    expect(s.finals()).toHaveLength(1);
  });

  it('fails a check after failureThreshold consecutive measured failures and names it', async () => {
    const s = scriptedContext({ 'http://app/api': [503] });
    const summary = await run([httpConfig('api', { failureThreshold: 3 })], s.ctx);
    expect(summary.passed).toBe(false);
    expect(summary.results[0]).toMatchObject({ outcome: 'fail', attempt: 3, observed: '503' });
    expect(summary.criticalFailures).toEqual(['api: fail · status 503, expected 200 (3 consecutive)']);
  });

  it('waits intervalSeconds between attempt starts and initialDelaySeconds before the first', async () => {
    const s = scriptedContext({ 'http://app/api': [503, 503, 200] });
    await run([httpConfig('api', { initialDelaySeconds: 10, intervalSeconds: 3 })], s.ctx);
    expect(s.calls.map((c) => c.at - s.start)).toEqual([10_000, 13_000, 16_000]);
  });

  it('fails a flapping check at the deadline when it never reaches either threshold', async () => {
    const s = scriptedContext({ 'http://app/api': [200, 503, 200, 503, 200, 503, 200, 503, 200, 503, 200, 503, 200] });
    const summary = await run([httpConfig('api', { successThreshold: 2, failureThreshold: 2, intervalSeconds: 5, deadlineSeconds: 30 })], s.ctx);
    expect(summary.passed).toBe(false);
    const final = summary.results[0]!;
    expect(final.outcome).toBe('fail');
    expect(final.detail).toMatch(/^deadline of 30 s passed after 6 attempt\(s\) with 0\/2 consecutive passes/);
    expect(s.calls.length).toBe(6);
    expect(s.clock.now().getTime() - s.start).toBeLessThanOrEqual(30_000);
  });

  it('counts a pass that came too late for the success threshold as a failure at the deadline', async () => {
    const s = scriptedContext({ 'http://app/api': [503, 200] });
    const summary = await run([httpConfig('api', { successThreshold: 3, failureThreshold: 5, intervalSeconds: 10, deadlineSeconds: 20 })], s.ctx);
    expect(summary.results[0]).toMatchObject({ outcome: 'fail', attempt: 2 });
    expect(summary.results[0]!.detail).toContain('1/3 consecutive passes');
  });

  it('bounds each attempt by timeoutSeconds and never past the deadline', async () => {
    const clock = new ManualClock();
    const timeouts: Array<number | undefined> = [];
    const ctx = fakeContext({
      clock,
      http: async (_url, request) => {
        timeouts.push(request?.timeoutMs);
        clock.advance(4_000);
        throw new Error(`timed out after ${request?.timeoutMs} ms`);
      },
    });
    const config = httpConfig('api', { timeoutSeconds: 4, intervalSeconds: 5, failureThreshold: 10, deadlineSeconds: 12 });
    const summary = await runHealthChecks([config], { ctx, version: '1', phase: 'deploy' });
    expect(timeouts).toEqual([4_000, 4_000, 2_000]);
    expect(summary.results[0]).toMatchObject({ outcome: 'unknown', attempt: 3 });
  });

  it('keeps "could not measure" apart from "measured bad" and fails the run on a critical unknown', async () => {
    const s = scriptedContext({ 'http://app/api': [new Error('connection refused')] });
    const summary = await run([httpConfig('api')], s.ctx);
    expect(summary.passed).toBe(false);
    expect(summary.results[0]).toMatchObject({ outcome: 'unknown', observed: 'connection refused', latencyMs: null });
    expect(summary.results[0]!.detail).toContain('a critical check that cannot be measured fails the release');
    expect(summary.criticalFailures[0]).toMatch(/^api: unknown · could not measure: connection refused/);
  });

  it('reports a failing warning check without failing the run', async () => {
    const s = scriptedContext({ 'http://app/api': [200], 'http://app/cdn': [404] });
    const summary = await run([httpConfig('api'), httpConfig('cdn', { severity: 'warning', failureThreshold: 1 })], s.ctx);
    expect(summary.passed).toBe(true);
    expect(summary.criticalFailures).toEqual([]);
    expect(summary.warnings).toEqual(['cdn: fail · status 404, expected 200']);
    expect(summary.results.map((r) => [r.check, r.outcome])).toEqual([['api', 'pass'], ['cdn', 'fail']]);
  });

  it('does not call an unknown warning check critical', async () => {
    const s = scriptedContext({ 'http://app/jobs': [new Error('timed out after 5000 ms')] });
    const summary = await run([httpConfig('jobs', { severity: 'warning', failureThreshold: 1 })], s.ctx);
    expect(summary.passed).toBe(true);
    expect(summary.results[0]!.detail).not.toContain('fails the release');
  });

  it('resets the failure count when a pass comes between failures', async () => {
    const s = scriptedContext({ 'http://app/api': [503, 503, 200, 503, 503, 503] });
    const summary = await run([httpConfig('api', { successThreshold: 2, failureThreshold: 3 })], s.ctx);
    expect(summary.results[0]).toMatchObject({ outcome: 'fail', attempt: 6 });
  });

  it('runs all checks in parallel', async () => {
    const clock = new ManualClock();
    const started: string[] = [];
    let release: () => void = () => {};
    const bothStarted = new Promise<void>((resolve) => (release = resolve));
    const ctx = fakeContext({
      clock,
      http: async (url) => {
        started.push(url);
        if (started.length === 2) release();
        await bothStarted;
        return { status: 200, headers: {}, body: '' };
      },
    });
    const summary = await runHealthChecks([httpConfig('a'), httpConfig('b')], { ctx, version: '1.0.0', phase: 'rollback' });
    expect(summary.passed).toBe(true);
    expect(summary.results.every((r: HealthResult) => r.phase === 'rollback')).toBe(true);
  });

  it('passes an empty list of checks', async () => {
    const s = scriptedContext({});
    expect(await run([], s.ctx)).toEqual({ passed: true, results: [], criticalFailures: [], warnings: [] });
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    const s = scriptedContext({ 'http://app/api': [503] });
    const http = s.ctx.http;
    s.ctx.http = async (url, request) => {
      controller.abort();
      return http(url, request);
    };
    await expect(
      runHealthChecks([httpConfig('api')], { ctx: s.ctx, version: '1', phase: 'deploy', signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('rejects an unknown kind with the list of known kinds before running anything', async () => {
    const s = scriptedContext({});
    const bad = { ...timing, kind: 'ftp', name: 'files' } as unknown as HealthCheckConfig;
    await expect(run([bad], s.ctx)).rejects.toMatchObject({ code: 'CONFIG_INVALID', hint: 'use one of: http, tcp, command' });
    expect(s.calls).toEqual([]);
  });

  it('writes one log line per attempt (a retried miss says it is retried) and one per verdict', async () => {
    const s = scriptedContext({ 'http://app/api': [503, 200] });
    const lines: string[] = [];
    await runHealthChecks([httpConfig('api')], { ctx: s.ctx, version: '1', phase: 'deploy', log: (line) => lines.push(line) });
    expect(lines).toEqual([
      'api attempt 1: fail, retrying in 5 s · 503 · status 503, expected 200',
      'api attempt 2: pass · 200 · status 200 in 0 ms',
      'api: pass after 2 attempt(s) · status 200 in 0 ms',
    ]);
  });
});
