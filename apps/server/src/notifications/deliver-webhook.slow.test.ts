// Webhook deliveries against a real HTTP server on 127.0.0.1: the exact headers and a
// signature the receiver can check over the raw body, retries with backoff on 5xx and on a
// connection refused, and an outcome (never a throw) when every attempt fails.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook } from './deliver-webhook.js';
import { isSignedBy } from './sign-body.js';
import { slackMessage } from './slack-message.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function receiver(answers: number[]): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers[received.length - 1] ?? 200).end();
    });
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/shipgate`, received };
}

const payload = { type: 'release.rolled_back', at: '2026-11-30T01:00:00.000Z', project: { id: 'acme-web', name: 'acme-web' }, release: { id: 'r1', version: '2.7.0' }, url: 'http://shipgate.test/releases/r1' };
const quick = { backoffMs: [10, 20, 40], sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

describe('webhook delivery', () => {
  it('sends the event, a delivery id and a signature over the raw body', async () => {
    const hook = await receiver([204]);
    const outcome = await deliverWebhook({ url: hook.url, secret: 's3cret' }, 'release.rolled_back', payload, quick);
    expect(outcome).toMatchObject({ ok: true, lastError: null, attempts: [{ status: 204, error: null }] });
    const [got] = hook.received;
    expect(got!.headers).toMatchObject({ 'content-type': 'application/json', 'x-shipgate-event': 'release.rolled_back', 'x-shipgate-delivery': outcome.id });
    expect(isSignedBy(got!.body, got!.headers['x-shipgate-signature-256'] as string, 's3cret')).toBe(true);
    expect(isSignedBy(got!.body, got!.headers['x-shipgate-signature-256'] as string, 'other')).toBe(false);
    expect(JSON.parse(got!.body)).toEqual(payload);
  });

  it('tries again after 5xx answers, with the same delivery id, until one is taken', async () => {
    const hook = await receiver([500, 502, 200]);
    const outcome = await deliverWebhook({ url: hook.url, secret: 's3cret' }, 'release.failed', payload, quick);
    expect(outcome.ok).toBe(true);
    expect(outcome.attempts.map((a) => a.status)).toEqual([500, 502, 200]);
    expect(new Set(hook.received.map((r) => r.headers['x-shipgate-delivery']))).toEqual(new Set([outcome.id]));
  });

  it('gives up after the last attempt and says why, without throwing', async () => {
    const hook = await receiver([500, 500, 500, 503]);
    const outcome = await deliverWebhook({ url: hook.url, secret: null }, 'release.failed', payload, quick);
    expect(outcome).toMatchObject({ ok: false, lastError: 'answered 503' });
    expect(outcome.attempts).toHaveLength(4);
    expect(hook.received[0]!.headers['x-shipgate-signature-256']).toBeUndefined();
    const refused = await deliverWebhook({ url: 'http://127.0.0.1:9/nothing-listens', secret: null }, 'release.failed', payload, quick);
    expect(refused.ok).toBe(false);
    expect(refused.attempts).toHaveLength(4);
    expect(refused.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe('the Slack message', () => {
  it('names the release, the outcome, the reason and links to it; user text cannot forge links or mentions', () => {
    const message = slackMessage({
      type: 'release.rolled_back',
      at: payload.at,
      project: { id: 'acme-web', name: 'acme-web' },
      release: { id: 'r1', kind: 'release', version: '2.7.0', previousVersion: '2.6.0', status: 'rolled_back', actor: 'Ada', reason: null },
      url: 'http://shipgate.test/releases/r1',
      reason: 'error rate 8.9% > limit 1.2% <!channel> <http://evil|click>',
    });
    expect(message.text).toBe('acme-web 2.7.0 was rolled back — error rate 8.9% &gt; limit 1.2% &lt;!channel&gt; &lt;http://evil|click&gt;');
    expect(JSON.stringify(message.blocks)).toContain('<http://shipgate.test/releases/r1|Open in Shipgate>');
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
  });
});
