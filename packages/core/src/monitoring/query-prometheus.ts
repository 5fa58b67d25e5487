// One instant query against the Prometheus HTTP API (GET /api/v1/query). Sample values arrive
// as strings ("1.5", "NaN", "+Inf"); an API error ({ status: "error" }) becomes a ShipgateError.
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';

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

export async function queryPrometheus(
  ctx: CoreContext,
  baseUrl: string,
  query: string,
  time: Date,
  signal?: AbortSignal,
): Promise<PrometheusVectorSample[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(query)}&time=${time.getTime() / 1000}`;
  const response = await ctx.http(url, { headers: { accept: 'application/json' }, timeoutMs: 10_000, ...(signal ? { signal } : {}) });
  let body: ApiResponse;
  try {
    body = JSON.parse(response.body) as ApiResponse;
  } catch {
    throw failure(`Prometheus answered ${response.status} without JSON for ${query}`);
  }
  if (body.status !== 'success' || !body.data) {
    throw failure(`Prometheus rejected ${query}: ${body.errorType ?? 'error'}: ${body.error ?? `HTTP ${response.status}`}`);
  }
  return toSamples(body.data.resultType, body.data.result);
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
