// What a watch that ends without a decision does, on real parts (a real git remote, the built
// CLI, a real HTTP server answering /metrics): production with no traffic gives NO_DATA, which
// `onInconclusive: alert` (the default) ships with a warning, and `onInconclusive: rollback`
// rolls back like a breach.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeGitFixture, remoteRef, shipgateYamlText } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

/** An app whose /metrics never changes: no requests at all, before or after the deploy. */
const IDLE_METRICS = [
  '# TYPE http_requests_total counter',
  'http_requests_total{status="200"} 1000',
  '# TYPE http_request_duration_seconds histogram',
  'http_request_duration_seconds_bucket{le="0.1"} 900',
  'http_request_duration_seconds_bucket{le="+Inf"} 1000',
  '',
].join('\n');

describe('promote when monitoring cannot decide (no traffic)', () => {
  let server: Server;
  let metricsUrl: string;

  beforeAll(async () => {
    server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(IDLE_METRICS));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    metricsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/metrics`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function promoteWith(onInconclusive: string | null) {
    const fx = makeGitFixture();
    const monitoring = `monitoring:\n  enabled: true\n  window: 4s\n  baseline: 2s\n  warmup: 0\n  interval: 1s\n${onInconclusive ? `  onInconclusive: ${onInconclusive}\n` : ''}  source:\n    url: ${metricsUrl}\n`;
    writeFileSync(join(fx.app, '.shipgate.yaml'), shipgateYamlText().replace('monitoring:\n  enabled: false\n', monitoring));
    git(fx, fx.app, 'commit', '-q', '-am', 'chore: monitoring on');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const before = remoteRef(fx, 'refs/heads/production');
    const result = await runCli(['promote', '--yes', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    return { fx, before, result, output: result.stdout + result.stderr };
  }

  it('ships with a visible warning by default (onInconclusive: alert)', async () => {
    const { fx, before, result, output } = await promoteWith(null);
    expect(result.code, explain(result)).toBe(0);
    expect(output).toMatch(/monitoring verdict NO_DATA: not enough traffic in the baseline: 0 requests, need 200 \(onInconclusive: alert\)/);
    expect(remoteRef(fx, 'refs/heads/production')).not.toBe(before);
  }, 60_000);

  it('rolls back with onInconclusive: rollback, and says why', async () => {
    const { fx, before, result, output } = await promoteWith('rollback');
    expect(result.code, explain(result)).toBe(4);
    expect(output).toContain('monitoring verdict NO_DATA and onInconclusive is rollback: not enough traffic in the baseline: 0 requests, need 200');
    expect(remoteRef(fx, 'refs/heads/production')).toBe(before);
  }, 60_000);
});
