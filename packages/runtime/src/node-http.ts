// The HTTP port on node:http and node:https. Any failure to get a complete response rejects
// with a ConnectionError whose message a person can read ("connection refused", "timed out
// after 5000 ms"). Node's own client, not undici: a promote makes one or two requests, and
// undici (≈ 1 MB of JavaScript, a WebAssembly parser compiled on the first request) cost
// more to load than those requests take (bench/promote.bench.mjs).
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Http, HttpRequest, HttpResponse } from '@shipgate/core';
import { ConnectionError, describeConnectionError } from './connection-error.js';

export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

export function createNodeHttp(): Http {
  return (url, options = {}) => send(url, options);
}

async function send(url: string, options: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  const stage = { now: 'headers' as 'headers' | 'body' };
  try {
    return await exchange(url, options, signal, stage);
  } catch (error) {
    if (timeout.aborted) throw new ConnectionError('timeout', `timed out after ${timeoutMs} ms`, error);
    if (options.signal?.aborted) throw new ConnectionError('cancelled', 'cancelled', error);
    if (stage.now === 'body') throw new ConnectionError('closed', 'connection closed before the response was complete', error);
    // node's words for a socket closed before any answer: the server hung up, not a TCP reset
    if (isHangUp(error)) throw new ConnectionError('closed', 'connection closed before the response', error);
    throw describeConnectionError(error, hostOf(url));
  }
}

/** One request and its whole body; `stage` says how far it got when it fails. */
function exchange(url: string, options: HttpRequest, signal: AbortSignal, stage: { now: 'headers' | 'body' }): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: (options.method ?? 'GET').toUpperCase(),
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      signal,
    });
    request.on('error', reject);
    request.on('response', (response: IncomingMessage) => {
      stage.now = 'body';
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('aborted')));
      response.on('end', () => {
        if (!response.complete) return reject(new Error('incomplete response'));
        resolve({ status: response.statusCode ?? 0, headers: flattenHeaders(response.headers), body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('close', () => {
        if (!response.complete) reject(new Error('connection closed'));
      });
    });
    request.end(options.body);
  });
}

function isHangUp(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ECONNRESET' && error.message === 'socket hang up';
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
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
