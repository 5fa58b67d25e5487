// The HTTP port on undici. Any failure to get a complete response rejects with a
// ConnectionError whose message a person can read ("connection refused", "timed out after 5000 ms").
import type { Http, HttpRequest, HttpResponse } from '@shipgate/core';
import { request } from 'undici';
import { ConnectionError, describeConnectionError } from './connection-error.js';

export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

export function createNodeHttp(): Http {
  return (url, options = {}) => send(url, options);
}

async function send(url: string, options: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  let stage: 'headers' | 'body' = 'headers';
  try {
    const response = await request(url, {
      method: (options.method ?? 'GET').toUpperCase() as 'GET',
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      ...(options.body === undefined ? {} : { body: options.body }),
      signal,
    });
    stage = 'body';
    const body = await response.body.text();
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
  } catch (error) {
    if (timeout.aborted) throw new ConnectionError('timeout', `timed out after ${timeoutMs} ms`, error);
    if (options.signal?.aborted) throw new ConnectionError('cancelled', 'cancelled', error);
    const described = describeConnectionError(error, hostOf(url));
    if (described.failure === 'closed' && stage === 'body') {
      throw new ConnectionError('closed', 'connection closed before the response was complete', error);
    }
    throw described;
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
