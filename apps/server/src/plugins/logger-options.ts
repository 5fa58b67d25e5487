// Fastify's logger for `shipgate serve`: every request and every error as one JSON line, with
// every credential left out or redacted — only chosen headers are logged (never Authorization
// or Cookie), and a `token` query parameter (the sign-in link, the WebSocket's ?token=, in any
// spelling such as %74oken) is replaced by [redacted], in the URL and in the Referer.
import type { FastifyServerOptions } from 'fastify';

// token: sign-in links and ?token=; code and state: the provider's redirect to /api/auth/callback
const REDACTED_PARAMS = new Set(['token', 'code', 'state']);
const LOGGED_HEADERS = ['host', 'user-agent', 'origin', 'referer', 'content-type', 'content-length', 'upgrade', 'x-forwarded-for'];

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).trim().toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** Replaces the value of every query parameter named token, code or state (however it is spelled). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash === -1 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return REDACTED_PARAMS.has(decodeName(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${redacted}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  headers?: Record<string, unknown>;
  socket?: { remoteAddress?: string | undefined };
}

export function loggerOptions(stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    serializers: {
      req: (req: LoggedRequest) => {
        const headers: Record<string, unknown> = {};
        for (const name of LOGGED_HEADERS) {
          const value = req.headers?.[name];
          if (value !== undefined) headers[name] = name === 'referer' && typeof value === 'string' ? redactUrl(value) : value;
        }
        return { method: req.method, url: redactUrl(req.url), headers, ...(req.socket?.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}) };
      },
    },
    ...(stream ? { stream } : {}),
  };
}
