import { createServer as createTcpServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckTiming, HealthCheckConfig, HttpCheckConfig } from '../../core/src/config/config-types.js';
import type { ReleaseEvent } from '../../core/src/events.js';
import { runHealthChecks } from '../../core/src/health/index.js';
import { createNodeContext } from './create-node-context.js';
import { closedPort, startTestHttpServer, type TestHttpServer } from './testing/test-http-server.js';

// Real servers, real sockets, real time: intervals and timeouts are short so the suite stays quick.
const timing: CheckTiming = {
  timeoutSeconds: 0.3,
  intervalSeconds: 0.05,
  initialDelaySeconds: 0,
  successThreshold: 1,
  failureThreshold: 2,
  deadlineSeconds: 5,
  severity: 'critical',
};
const http = (name: string, url: string, overrides: Partial<HttpCheckConfig> = {}): HttpCheckConfig => ({
  ...timing, kind: 'http', name, url, method: 'GET', headers: {}, expectStatus: ['2xx'], ...overrides,
});

let server: TestHttpServer | undefined;
const tcpServers: Server[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(tcpServers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function run(checks: HealthCheckConfig[]) {
  const events: ReleaseEvent[] = [];
  const ctx = createNodeContext({ emit: (event) => events.push(event) });
  const summary = await runHealthChecks(checks, { ctx, version: '1.4.0', phase: 'deploy' });
  return { summary, events, result: (name: string) => summary.results.find((r) => r.check === name)! };
}

describe('health checks against real local servers', () => {
  it('passes a healthy endpoint and asserts the new version is live', async () => {
    server = await startTestHttpServer({
      '/api/version': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"1.4.0"}'),
    });
    const { summary, events } = await run([http('version', `${server.url}/api/version`, { json: { version: '{{version}}' } })]);
    expect(summary.passed).toBe(true);
    expect(summary.results[0]).toMatchObject({ outcome: 'pass', observed: '200', final: true });
    expect(summary.results[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(events.filter((e) => e.type === 'health.result')).toHaveLength(2);
  });

  it('reports an answer slower than the timeout as could-not-measure', async () => {
    server = await startTestHttpServer({ '/slow': (_q, res) => setTimeout(() => res.end('ok'), 1_000) });
    const { result } = await run([http('slow', `${server.url}/slow`)]);
    expect(result('slow')).toMatchObject({ outcome: 'unknown', observed: 'timed out after 300 ms', attempt: 2 });
  });

  it('rides out a flapping endpoint until it is stably healthy', async () => {
    let hits = 0;
    server = await startTestHttpServer({ '/flap': (_q, res) => res.writeHead(++hits % 2 === 0 || hits > 4 ? 200 : 503).end() });
    const { result } = await run([http('flap', `${server.url}/flap`, { successThreshold: 2, failureThreshold: 3 })]);
    expect(result('flap')).toMatchObject({ outcome: 'pass' });
    expect(result('flap').attempt).toBeGreaterThanOrEqual(5);
  });

  it('fails a wrong body as measured bad', async () => {
    server = await startTestHttpServer({ '/cdn/manifest.json': (_q, res) => res.end('{"version":"1.3.9"}') });
    const { summary, result } = await run([http('cdn', `${server.url}/cdn/manifest.json`, { bodyMatches: '"version":"{{version}}"' })]);
    expect(summary.passed).toBe(false);
    expect(result('cdn')).toMatchObject({ outcome: 'fail', detail: 'body does not match /"version":"1.4.0"/ (2 consecutive)' });
  });

  it('cannot measure an endpoint that closes the connection mid-response', async () => {
    server = await startTestHttpServer({
      '/drop': (q, res) => {
        res.writeHead(200, { 'content-length': '50' }).write('{"status":');
        setTimeout(() => q.socket.destroy(), 10);
      },
    });
    const { result } = await run([http('drop', `${server.url}/drop`)]);
    expect(result('drop')).toMatchObject({ outcome: 'unknown', observed: 'connection closed before the response was complete' });
    expect(result('drop').detail).toContain('cannot be measured fails the release');
  });

  it('fails on a health+json document whose required component fails', async () => {
    server = await startTestHttpServer({
      '/health': (_q, res) =>
        res
          .writeHead(200, { 'content-type': 'application/health+json' })
          .end(JSON.stringify({ status: 'warn', checks: { 'postgres:connections': [{ status: 'fail' }], redis: [{ status: 'pass' }] } })),
    });
    const { result } = await run([http('api', `${server.url}/health`, { components: ['postgres', 'redis'] })]);
    expect(result('api')).toMatchObject({ outcome: 'fail', observed: '200 warn' });
    expect(result('api').detail).toContain('postgres: fail');
  });

  it('connects to a real TCP listener and cannot measure a closed port', async () => {
    const listener = createTcpServer((socket) => socket.end());
    tcpServers.push(listener);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const open = (listener.address() as { port: number }).port;
    const closed = await closedPort();
    const { summary, result } = await run([
      { ...timing, kind: 'tcp', name: 'db', host: '127.0.0.1', port: open },
      { ...timing, kind: 'tcp', name: 'cache', host: '127.0.0.1', port: closed, severity: 'warning' },
    ]);
    expect(result('db')).toMatchObject({ outcome: 'pass', observed: 'connected' });
    expect(result('cache')).toMatchObject({ outcome: 'unknown', observed: 'connection refused' });
    expect(summary.passed).toBe(true);
    expect(summary.warnings).toHaveLength(1);
  });

  it('runs real commands: expected output, wrong output and a failing exit', async () => {
    const { result } = await run([
      { ...timing, kind: 'command', name: 'pong', command: "sh -c 'echo PONG'", expectOutput: 'PONG' },
      { ...timing, kind: 'command', name: 'version', command: 'echo "$SHIPGATE_VERSION"', expectOutput: '{{version}}' },
      { ...timing, kind: 'command', name: 'loading', command: 'echo LOADING', expectOutput: 'PONG' },
      { ...timing, kind: 'command', name: 'down', command: 'echo "no response" >&2; exit 1' },
    ]);
    expect(result('pong')).toMatchObject({ outcome: 'pass', observed: 'PONG' });
    expect(result('version')).toMatchObject({ outcome: 'pass', observed: '1.4.0' });
    expect(result('loading')).toMatchObject({ outcome: 'fail', observed: 'LOADING' });
    expect(result('down')).toMatchObject({ outcome: 'fail', observed: 'exit 1', detail: 'exit 1: no response (2 consecutive)' });
  });

  it('gives up at the deadline on an endpoint that keeps answering slowly', async () => {
    server = await startTestHttpServer({ '/slow': (_q, res) => setTimeout(() => res.end('ok'), 2_000) });
    const started = Date.now();
    const { result } = await run([http('slow', `${server.url}/slow`, { failureThreshold: 100, deadlineSeconds: 1, intervalSeconds: 0.2 })]);
    expect(result('slow').outcome).toBe('unknown');
    expect(result('slow').detail).toMatch(/^deadline of 1 s passed/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
