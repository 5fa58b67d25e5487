// The GitHub Release of a monitored release, end to end: the real CLI, a bare git remote, the
// github-actions provider as the example is written, and the local GitHub REST stand-in on
// 127.0.0.1 (GitHub itself is unreachable from here). Production's /metrics is a real HTTP
// server whose traffic depends on what the stand-in last deployed: healthy, or failing half of
// its requests while v2.7.0 runs (an outage monitoring catches at its first look).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { GithubApiServer, RecordedRequest } from '@shipgate/runtime/testing/github-api-server';
import { remoteRef } from './testing/git-fixture.js';
import { githubActionsFixture, publishRelease, type GithubActionsFixture } from './testing/github-actions-fixture.js';
import { startHealthServer, type HealthServer } from './testing/health-server.js';
import { explain, runCli, type CliResult } from './testing/run-cli.js';

const RELEASES = '/repos/acme/acme-web/releases';

interface Metrics {
  url: string;
  /** What GitHub showed at each scrape after the v2.7.0 deploy was dispatched. */
  seenDuringWatch: { latest: string | null; v270: { draft: boolean } | null }[];
  server: Server;
}

/**
 * Production's /metrics: 400 requests a second (94% under 50 ms, 99% under 52 ms, all under 100 ms); while the
 * stand-in's last dispatch deployed `faulty` (not a rollback), half of them answer 500.
 */
async function productionMetrics(github: () => GithubApiServer, faulty: string | null): Promise<Metrics> {
  let last = Date.now();
  let ok = 0;
  let errors = 0;
  const seenDuringWatch: Metrics['seenDuringWatch'] = [];
  const server = createServer((_request, response) => {
    const now = Date.now();
    const count = Math.round(((now - last) / 1000) * 400);
    last = now;
    const deployed = github().dispatches.at(-1);
    const failing = faulty !== null && deployed?.inputs['version'] === faulty && deployed.inputs['rollback'] === undefined;
    errors += failing ? Math.floor(count / 2) : 0;
    ok += count - (failing ? Math.floor(count / 2) : 0);
    if (deployed?.inputs['version'] === '2.7.0') {
      const release = github().releases.find((r) => r.tag_name === 'v2.7.0');
      seenDuringWatch.push({ latest: github().latestReleaseTag(), v270: release ? { draft: release.draft } : null });
    }
    const total = ok + errors;
    const text = [
      '# TYPE http_requests_total counter',
      `http_requests_total{status="200"} ${ok}`,
      `http_requests_total{status="500"} ${errors}`,
      '# TYPE http_request_duration_seconds histogram',
      `http_request_duration_seconds_bucket{le="0.05"} ${Math.floor(total * 0.94)}`,
      `http_request_duration_seconds_bucket{le="0.052"} ${Math.floor(total * 0.99)}`,
      `http_request_duration_seconds_bucket{le="0.1"} ${total}`,
      `http_request_duration_seconds_bucket{le="+Inf"} ${total}`,
      '',
    ].join('\n');
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, seenDuringWatch, server };
}

let fx: GithubActionsFixture | undefined;
let health: HealthServer | undefined;
let metrics: Metrics | undefined;
afterEach(async () => {
  await fx?.github.close();
  await health?.close();
  await new Promise((resolve) => (metrics ? metrics.server.close(resolve) : resolve(undefined)));
  fx = undefined;
  health = undefined;
  metrics = undefined;
});

/** v2.6.0 published (Latest) on GitHub, production healthy by its checks, monitoring on this /metrics. */
async function monitoredFixture(faulty: string | null): Promise<GithubActionsFixture> {
  health = await startHealthServer();
  metrics = await productionMetrics(() => fx!.github, faulty);
  const monitoring = `monitoring:\n  enabled: true\n  window: 6s\n  baseline: 2s\n  warmup: 0\n  interval: 1s\n  source:\n    url: ${metrics.url}\n`;
  fx = await githubActionsFixture({ healthUrl: health.url, monitoring });
  await publishRelease(fx.github, 'v2.6.0');
  return fx;
}

const promote = (at: GithubActionsFixture) => runCli(['promote', '--yes', '--json', '--dir', at.app], { cwd: at.app, env: at.env, timeoutMs: 90_000 });
const events = (result: CliResult) => result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
const indexOf = (log: Record<string, unknown>[], test: (e: Record<string, unknown>) => boolean) => log.findIndex(test);
const logLine = (start: string) => (e: Record<string, unknown>) => e['type'] === 'step.log' && String(e['line']).startsWith(start);
const releaseWrites = (github: GithubApiServer) =>
  github.requests.filter((r) => r.path.startsWith(RELEASES) && r.method !== 'GET' && r.headers['user-agent'] === 'shipgate').map((r: RecordedRequest) => ({ method: r.method, path: r.path, body: JSON.parse(r.body) as Record<string, unknown> }));

describe('the GitHub Release of a monitored release, through the CLI', () => {
  it('is created as a draft after the health checks, stays a draft while monitoring watches, and is published as Latest when monitoring passes', async () => {
    const at = await monitoredFixture(null);
    const v260 = at.github.releases.find((r) => r.tag_name === 'v2.6.0')!;
    const result = await promote(at);
    expect(result.code, explain(result)).toBe(0);
    const log = events(result);
    expect(log.find((e) => e['type'] === 'monitor.verdict'), JSON.stringify(log.filter((e) => String(e['type']).startsWith('monitor')))).toMatchObject({ verdict: 'PASS' });

    // the order the CLI told: health checks → draft → monitoring passes → published
    const healthDone = indexOf(log, (e) => e['type'] === 'step.finished' && e['step'] === 'health-checks' && e['status'] === 'succeeded');
    const drafted = indexOf(log, logLine('GitHub Release v2.7.0 created as a draft'));
    const verdict = indexOf(log, (e) => e['type'] === 'monitor.verdict');
    const published = indexOf(log, logLine('GitHub Release v2.7.0 published'));
    expect([healthDone, drafted, verdict, published].every((i) => i >= 0), explain(result)).toBe(true);
    expect(healthDone).toBeLessThan(drafted);
    expect(drafted).toBeLessThan(verdict);
    expect(verdict).toBeLessThan(published);

    // what reached GitHub: a draft, then one PATCH publishing it as Latest
    const v270 = at.github.releases.find((r) => r.tag_name === 'v2.7.0')!;
    expect(releaseWrites(at.github)).toEqual([
      { method: 'POST', path: RELEASES, body: expect.objectContaining({ tag_name: 'v2.7.0', draft: true, prerelease: false }) },
      { method: 'PATCH', path: `${RELEASES}/${v270.id}`, body: { draft: false, make_latest: 'true' } },
    ]);
    // while monitoring watched, GitHub showed v2.7.0 as a draft and v2.6.0 as Latest
    const watched = metrics!.seenDuringWatch.filter((seen) => seen.v270 !== null);
    expect(watched.length, 'scrapes while the v2.7.0 draft existed').toBeGreaterThanOrEqual(3);
    expect(watched.every((seen) => seen.v270!.draft && seen.latest === 'v2.6.0')).toBe(true);
    expect(v270).toMatchObject({ draft: false, prerelease: false, name: 'v2.7.0' });
    expect(at.github.latestReleaseTag()).toBe('v2.7.0');
    expect(v260).toMatchObject({ draft: false, prerelease: false, name: 'v2.6.0' });
    expect(remoteRef(at, 'refs/tags/v2.7.0^{commit}')).toBe(at.github.runs[0]!.head_sha);
  }, 150_000);

  it('when monitoring rolls the release back, marks its release "(rolled back)", never publishes it, and Latest stays on the restored v2.6.0', async () => {
    const at = await monitoredFixture('2.7.0');
    const v260 = at.github.releases.find((r) => r.tag_name === 'v2.6.0')!;
    const result = await promote(at);
    expect(result.code, explain(result)).toBe(4);
    const log = events(result);
    expect(log.find((e) => e['type'] === 'monitor.verdict')).toMatchObject({ verdict: 'FAIL' });
    expect(at.github.dispatches.map((d) => [d.ref, d.inputs['version'], d.inputs['rollback']])).toEqual([
      ['v2.7.0', '2.7.0', undefined],
      ['v2.6.0', '2.6.0', 'true'],
    ]);
    const drafted = indexOf(log, logLine('GitHub Release v2.7.0 created as a draft'));
    const verdict = indexOf(log, (e) => e['type'] === 'monitor.verdict');
    const marked = indexOf(log, logLine('GitHub Release v2.7.0 marked as rolled back (prerelease, not Latest)'));
    const rolledBack = indexOf(log, (e) => e['type'] === 'step.finished' && e['step'] === 'rollback' && e['status'] === 'succeeded');
    expect([drafted, verdict, marked, rolledBack].every((i) => i >= 0), explain(result)).toBe(true);
    expect(drafted).toBeLessThan(verdict);
    expect(rolledBack).toBeLessThan(marked);

    const v270 = at.github.releases.find((r) => r.tag_name === 'v2.7.0')!;
    const writes = releaseWrites(at.github);
    expect(writes.map((w) => [w.method, w.path])).toEqual([
      ['POST', RELEASES],
      ['PATCH', `${RELEASES}/${v270.id}`],
      ['PATCH', `${RELEASES}/${v260.id}`],
    ]);
    expect(writes[0]!.body).toMatchObject({ tag_name: 'v2.7.0', draft: true });
    expect(writes[1]!.body).toMatchObject({ name: 'v2.7.0 (rolled back)', prerelease: true, make_latest: 'false' });
    expect(writes[1]!.body).not.toHaveProperty('draft');
    expect(writes[2]!.body).toEqual({ make_latest: 'true' });
    expect(v270).toMatchObject({ draft: true, prerelease: true, name: 'v2.7.0 (rolled back)' });
    expect(v270.body).toMatch(/^> \*\*Rolled back\.\*\* v2\.7\.0 was rolled back at \d{4}-\d\d-\d\dT[\d:.]+Z; production runs v2\.6\.0 again\. Reason: .*error rate/);
    expect(at.github.latestReleaseTag()).toBe('v2.6.0');
    expect(metrics!.seenDuringWatch.every((seen) => seen.latest === 'v2.6.0')).toBe(true);
  }, 150_000);

  it('leaves the release as it is when the rollback could not move production away from it', async () => {
    const at = await monitoredFixture('2.7.0');
    at.github.scriptDispatch({}, { conclusion: 'failure' });
    const result = await promote(at);
    expect(result.code, explain(result)).toBe(1);
    expect(result.stdout + result.stderr).toContain('ROLLBACK FAILED — production still runs v2.7.0');
    const log = events(result);
    expect(log.find((e) => e['type'] === 'monitor.verdict')).toMatchObject({ verdict: 'FAIL' });
    expect(indexOf(log, logLine('GitHub Release v2.7.0 left as it is: production was not moved away from v2.7.0'))).toBeGreaterThan(-1);
    const v270 = at.github.releases.find((r) => r.tag_name === 'v2.7.0')!;
    expect(releaseWrites(at.github)).toEqual([{ method: 'POST', path: RELEASES, body: expect.objectContaining({ tag_name: 'v2.7.0', draft: true }) }]);
    expect(v270).toMatchObject({ draft: true, prerelease: false, name: 'v2.7.0' });
  }, 150_000);
});
