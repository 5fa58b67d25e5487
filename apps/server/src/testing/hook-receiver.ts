// A real HTTP receiver on 127.0.0.1 for notification tests: it records every request with its
// raw body and headers, checks the signature of each with the shared secret (as a receiver
// must), and answers from a script (status codes in order, then 200), or never ("hang").
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSignedBy } from '../notifications/sign-body.js';

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The X-Shipgate-Signature-256 header is the HMAC of this raw body with the secret. */
  signed: boolean;
  answered: number | null;
}

export interface HookReceiver {
  url: (path?: string) => string;
  port: number;
  received: ReceivedHook[];
  /** Resolves when `count` requests (optionally matching) have arrived; rejects after timeoutMs. */
  waitFor: (count: number, match?: (r: ReceivedHook) => boolean, timeoutMs?: number) => Promise<ReceivedHook[]>;
  close: () => Promise<void>;
}

export async function startHookReceiver(options: { secret?: string; answers?: number[]; hang?: boolean; port?: number } = {}): Promise<HookReceiver> {
  const received: ReceivedHook[] = [];
  const answers = [...(options.answers ?? [])];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const signature = req.headers['x-shipgate-signature-256'];
      const hook: ReceivedHook = { path: req.url ?? '', headers: req.headers, body, signed: options.secret !== undefined && isSignedBy(body, typeof signature === 'string' ? signature : undefined, options.secret), answered: null };
      received.push(hook);
      if (options.hang) return; // never answers: the sender's timeout has to end it
      hook.answered = answers.shift() ?? 200;
      res.writeHead(hook.answered, { 'content-type': 'text/plain' }).end(hook.answered < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const waitFor = async (count: number, match: (r: ReceivedHook) => boolean = () => true, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const got = received.filter(match);
      if (got.length >= count) return got;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the receiver got ${received.filter(match).length} of ${count} expected requests: ${JSON.stringify(received.map((r) => [r.path, r.headers['x-shipgate-event']]))}`);
  };
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return { url: (path = '/hook') => `http://127.0.0.1:${port}${path}`, port, received, waitFor, close };
}
