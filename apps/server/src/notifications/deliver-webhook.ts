// One webhook delivery (CONTRACT §7): POST the JSON with the event, delivery id and signature
// headers; on a network error, a timeout or a non-2xx answer, try again with backoff (at least
// three attempts). Never throws: the outcome says what happened, for the delivery log.
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { signBody } from './sign-body.js';

export interface WebhookTarget {
  url: string;
  /** The HMAC secret (read from the variable the settings name); null: unsigned. */
  secret: string | null;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
}

export interface DeliveryOutcome {
  id: string;
  ok: boolean;
  attempts: DeliveryAttempt[];
  /** The last failure in words (null when delivered). */
  lastError: string | null;
}

export interface DeliverOptions {
  /** Waits between attempts, in ms (default 1 s, 4 s, 16 s: four attempts). */
  backoffMs?: readonly number[];
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Reused for "send again", so a receiver can tell a redelivery from a new event. */
  id?: string;
  /** Cuts an attempt off (the server stops); no further attempt is made. */
  signal?: AbortSignal;
}

export async function deliverWebhook(target: WebhookTarget, type: string, payload: unknown, options: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const id = options.id ?? randomUUID();
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Shipgate-Hookshot',
    'x-shipgate-event': type,
    'x-shipgate-delivery': id,
    ...(target.secret ? { 'x-shipgate-signature-256': signBody(body, target.secret) } : {}),
  };
  const backoff = options.backoffMs ?? [1_000, 4_000, 16_000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const attempts: DeliveryAttempt[] = [];
  for (let i = 0; i <= backoff.length; i++) {
    if (i > 0) await sleep(backoff[i - 1]!);
    if (options.signal?.aborted) break;
    const at = new Date().toISOString();
    try {
      const res = await request(target.url, { method: 'POST', headers, body, headersTimeout: options.timeoutMs ?? 10_000, bodyTimeout: options.timeoutMs ?? 10_000, ...(options.signal ? { signal: options.signal } : {}) });
      await res.body.dump();
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      attempts.push({ at, status: res.statusCode, error: ok ? null : `answered ${res.statusCode}` });
      if (ok) return { id, ok: true, attempts, lastError: null };
    } catch (error) {
      attempts.push({ at, status: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return { id, ok: false, attempts, lastError: attempts.at(-1)?.error ?? 'not delivered' };
}
