import { describe, expect, it } from 'vitest';
import type { Http } from '../context.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import { createScrapeSource } from './scrape-source.js';

function exposition(ok: number, errors: number, buckets: [string, number][]): string {
  return [
    '# TYPE http_requests_total counter',
    `http_requests_total{route="/api/cart",status="200"} ${ok}`,
    `http_requests_total{route="/api/cart",status="503"} ${errors}`,
    `http_requests_total{route="/api/cart",status="404"} 7`,
    '# TYPE http_request_duration_seconds histogram',
    ...buckets.map(([le, count]) => `http_request_duration_seconds_bucket{route="/api/cart",le="${le}"} ${count}`),
    `http_request_duration_seconds_count{route="/api/cart"} ${buckets.at(-1)?.[1] ?? 0}`,
  ].join('\n');
}

function scrapeOf(bodies: string[]) {
  const clock = new ManualClock();
  const http: Http = async () => ({ status: 200, headers: {}, body: bodies.shift() ?? '' });
  const source = createScrapeSource(fakeContext({ clock, http }), { url: 'http://127.0.0.1:4401/metrics' });
  return { clock, source };
}

describe('createScrapeSource', () => {
  it('computes requests, 5xx errors and p95 from counter deltas between two readings', async () => {
    const { clock, source } = scrapeOf([
      exposition(1000, 10, [['0.1', 900], ['0.2', 1010], ['+Inf', 1017]]),
      exposition(1900, 110, [['0.1', 1800], ['0.2', 2010], ['+Inf', 2017]]),
    ]);
    const start = clock.now();
    await source.observe();
    clock.advance(60_000);
    await source.observe();
    const stats = await source.window(start, clock.now());
    expect(stats).toMatchObject({ requests: 1000, errors: 100, from: start.toISOString() });
    expect(stats.histogram).toEqual([{ le: 0.1, count: 900 }, { le: 0.2, count: 1000 }, { le: Number.POSITIVE_INFINITY, count: 1000 }]);
    expect(stats.p95Ms).toBeCloseTo(150);
  });

  it('treats a counter that dropped as reset by a restart: the delta is the new value', async () => {
    const { clock, source } = scrapeOf([
      exposition(5000, 50, [['0.1', 5000], ['+Inf', 5057]]),
      exposition(300, 30, [['0.1', 300], ['+Inf', 337]]),
    ]);
    const start = clock.now();
    await source.observe();
    clock.advance(30_000);
    await source.observe();
    const stats = await source.window(start, clock.now());
    expect(stats).toMatchObject({ requests: 330, errors: 30 }); // the 404 series did not drop: delta 0
    expect(stats.histogram?.at(-1)).toEqual({ le: Number.POSITIVE_INFINITY, count: 337 });
  });

  it('refuses a window it has not observed both ends of', async () => {
    const { clock, source } = scrapeOf([exposition(1, 0, [['+Inf', 8]])]);
    await source.observe();
    await expect(source.window(clock.now(), clock.now())).rejects.toThrow(/no two \/metrics readings/);
  });

  it('reports an endpoint that does not answer 200', async () => {
    const http: Http = async () => ({ status: 503, headers: {}, body: 'down' });
    const source = createScrapeSource(fakeContext({ http }), { url: 'http://127.0.0.1:4401/metrics' });
    await expect(source.observe()).rejects.toThrow('GET http://127.0.0.1:4401/metrics answered 503');
  });
});
