import { describe, expect, it } from 'vitest';
import type { Http } from '../context.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import { createPrometheusSource } from './prometheus-source.js';

const vector = (result: Array<{ metric?: Record<string, string>; value: string }>) =>
  JSON.stringify({ status: 'success', data: { resultType: 'vector', result: result.map((r) => ({ metric: r.metric ?? {}, value: [1764151200, r.value] })) } });

function prometheus(answer: (query: string) => { status?: number; body: string }) {
  const queries: string[] = [];
  const http: Http = async (url) => {
    const query = new URL(url).searchParams.get('query') ?? '';
    queries.push(`${query} @${new URL(url).searchParams.get('time')}`);
    const { status = 200, body } = answer(query);
    return { status, headers: { 'content-type': 'application/json' }, body };
  };
  const clock = new ManualClock();
  return { queries, ctx: fakeContext({ http, clock }), clock };
}

describe('createPrometheusSource', () => {
  it('builds increase() and bucket queries over the window and evaluates them at its end', async () => {
    const { queries, ctx, clock } = prometheus((query) => {
      if (query.includes('by (le)')) {
        return { body: vector([{ metric: { le: '0.1' }, value: '900' }, { metric: { le: '0.2' }, value: '1000' }, { metric: { le: '+Inf' }, value: '1000' }]) };
      }
      return { body: vector([{ value: query.includes('5..') ? '12.0000001' : '999.9999' }]) };
    });
    const source = createPrometheusSource(ctx, { url: 'http://127.0.0.1:9090/' });
    const to = clock.now();
    const stats = await source.window(new Date(to.getTime() - 300_000), to);
    expect(stats).toMatchObject({ requests: 1000, errors: 12 });
    expect(stats.p95Ms).toBeCloseTo(150);
    expect(queries).toEqual([
      `sum(increase(http_requests_total[300s])) @${to.getTime() / 1000}`,
      `sum(increase(http_requests_total{status=~"5.."}[300s])) @${to.getTime() / 1000}`,
      `sum by (le) (increase(http_request_duration_seconds_bucket[300s])) @${to.getTime() / 1000}`,
    ]);
  });

  it('reads NaN as unknown and an empty vector as no traffic', async () => {
    const { ctx, clock } = prometheus((query) => ({ body: query.includes('p95') || query.startsWith('histogram') ? vector([{ value: 'NaN' }]) : vector([]) }));
    const source = createPrometheusSource(ctx, { url: 'http://prom:9090', latencyQuery: 'histogram_quantile(0.95, x[$window])' });
    const stats = await source.window(new Date(clock.now().getTime() - 60_000), clock.now());
    expect(stats).toMatchObject({ requests: 0, errors: 0, histogram: null, p95Ms: null });
  });

  it('uses overriding queries, the error-rate one as a fraction of the requests', async () => {
    const { queries, ctx, clock } = prometheus((query) => ({
      body: vector([{ value: query.startsWith('rate_') ? '0.25' : query.startsWith('lat_') ? '+Inf' : '400' }]),
    }));
    const source = createPrometheusSource(ctx, {
      url: 'http://prom:9090',
      requestsQuery: 'req_total[$window]',
      errorRateQuery: 'rate_errors[$window]',
      latencyQuery: 'lat_p95[$window]',
    });
    const stats = await source.window(new Date(clock.now().getTime() - 60_000), clock.now());
    expect(stats).toMatchObject({ requests: 400, errors: 100, histogram: null, p95Ms: null });
    expect(queries.map((q) => q.split(' @')[0])).toEqual(['req_total[60s]', 'rate_errors[60s]', 'lat_p95[60s]']);
  });

  it('surfaces a query error with the message Prometheus gave', async () => {
    const { ctx, clock } = prometheus(() => ({
      status: 400,
      body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:6: parse error' }),
    }));
    const source = createPrometheusSource(ctx, { url: 'http://prom:9090' });
    await expect(source.window(new Date(0), clock.now())).rejects.toThrow(/bad_data: invalid parameter "query": 1:6: parse error/);
  });
});

describe('the Prometheus source coverage (query_range)', () => {
  it('asks query_range over the window and counts the steps that recorded traffic', async () => {
    const urls: URL[] = [];
    const http: Http = async (url) => {
      urls.push(new URL(url));
      const start = Number(new URL(url).searchParams.get('start'));
      // 61 steps of 15 s expected over 15 minutes; traffic in 30 of them, NaN in one, 0 in another
      const values = Array.from({ length: 32 }, (_, i) => [start + i * 15, i === 30 ? 'NaN' : i === 31 ? '0' : '4.5']);
      return { status: 200, headers: {}, body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } }) };
    };
    const clock = new ManualClock();
    const source = createPrometheusSource(fakeContext({ http, clock }), { url: 'http://prom:9090' });
    const to = clock.now();
    const coverage = await source.coverage!(new Date(to.getTime() - 900_000), to);
    expect(coverage).toBeCloseTo(30 / 61);
    expect(urls[0]!.pathname).toBe('/api/v1/query_range');
    expect(urls[0]!.searchParams.get('query')).toBe('sum(rate(http_requests_total[30s]))');
    expect(urls[0]!.searchParams.get('step')).toBe('15');
  });

  it('turns a query_range error into a clear error naming the query', async () => {
    const http: Http = async () => ({ status: 400, headers: {}, body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }) });
    const source = createPrometheusSource(fakeContext({ http }), { url: 'http://prom:9090' });
    await expect(source.coverage!(new Date(0), new Date(60_000))).rejects.toThrow(/rejected sum\(rate\(http_requests_total\[30s\]\)\): bad_data: parse error/);
  });
});
