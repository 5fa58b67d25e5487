// Queries against the Prometheus HTTP API: instant (GET /api/v1/query) and range
// (GET /api/v1/query_range). Sample values arrive as strings ("1.5", "NaN", "+Inf"); an API
// error ({ status: "error" }) becomes a ShipgateError.
import type { CoreContext, HttpResponse } from '../context.js';
import { ShipgateError } from '../errors.js';
import { shownUrl } from '../shown-url.js';

export interface PrometheusVectorSample {
  metric: Record<string, string>;
  value: number;
}

interface ApiResponse {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: unknown };
}

export interface PrometheusRangeSeries {
  metric: Record<string, string>;
  /** [unix seconds, value] pairs, oldest first. */
  values: Array<[number, number]>;
}

export async function queryPrometheus(
  ctx: CoreContext,
  baseUrl: string,
  query: string,
  time: Date,
  signal?: AbortSignal,
): Promise<PrometheusVectorSample[]> {
  const data = await apiGet(ctx, baseUrl, `query?query=${encodeURIComponent(query)}&time=${time.getTime() / 1000}`, query, signal);
  return toSamples(data.resultType, data.result);
}

/** A range query: the query evaluated every `stepSeconds` from start to end (a matrix). */
export async function queryPrometheusRange(
  ctx: CoreContext,
  baseUrl: string,
  query: string,
  range: { start: Date; end: Date; stepSeconds: number },
  signal?: AbortSignal,
): Promise<PrometheusRangeSeries[]> {
  const params = `query=${encodeURIComponent(query)}&start=${range.start.getTime() / 1000}&end=${range.end.getTime() / 1000}&step=${Math.max(1, range.stepSeconds)}`;
  const data = await apiGet(ctx, baseUrl, `query_range?${params}`, query, signal);
  if (data.resultType !== 'matrix' || !Array.isArray(data.result)) {
    throw failure(`expected a range vector (matrix) from Prometheus, got ${data.resultType ?? 'nothing'}`);
  }
  return (data.result as Array<{ metric?: Record<string, string>; values?: Array<[number, string]> }>).map((entry) => ({
    metric: entry.metric ?? {},
    values: (entry.values ?? []).map(([at, value]) => [Number(at), parseSampleValue(value)] as [number, number]),
  }));
}

async function apiGet(ctx: CoreContext, baseUrl: string, path: string, query: string, signal?: AbortSignal): Promise<NonNullable<ApiResponse['data']>> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/${path}`;
  let response: HttpResponse;
  try {
    response = await ctx.http(url, { headers: { accept: 'application/json' }, timeoutMs: 10_000, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    // "connection refused" alone does not say that the metric source is what failed
    throw failure(`could not reach Prometheus at ${shownUrl(baseUrl.replace(/\/+$/, ''))}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: ApiResponse;
  try {
    body = JSON.parse(response.body) as ApiResponse;
  } catch {
    throw failure(`Prometheus answered ${response.status} without JSON for ${query}`);
  }
  if (body.status !== 'success' || !body.data) {
    throw failure(`Prometheus rejected ${query}: ${body.errorType ?? 'error'}: ${body.error ?? `HTTP ${response.status}`}`);
  }
  return body.data;
}

function toSamples(resultType: string | undefined, result: unknown): PrometheusVectorSample[] {
  if (resultType === 'scalar') return [{ metric: {}, value: parseSampleValue((result as [number, string])[1]) }];
  if (resultType !== 'vector' || !Array.isArray(result)) {
    throw failure(`expected an instant vector from Prometheus, got ${resultType ?? 'nothing'}`);
  }
  return (result as Array<{ metric?: Record<string, string>; value?: [number, string] }>).map((entry) => ({
    metric: entry.metric ?? {},
    value: parseSampleValue(entry.value?.[1]),
  }));
}

/** Prometheus' float strings, including NaN, +Inf and -Inf. */
export function parseSampleValue(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

function failure(message: string): ShipgateError {
  return new ShipgateError('INTERNAL', message, {
    field: 'monitoring.source',
    hint: 'Check monitoring.source.url and the queries in .shipgate.yaml against the Prometheus UI.',
  });
}
