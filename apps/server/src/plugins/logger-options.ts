// Fastify's logger for `serve --log`: requests as JSON lines, with every credential redacted
// (the Authorization header, cookies, and the WebSocket's ?token= query parameter).
import type { FastifyServerOptions } from 'fastify';

/** Removes the token query parameter from a logged URL. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

export function loggerOptions(stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; headers?: Record<string, unknown> }) => ({ method: req.method, url: redactUrl(req.url), headers: req.headers }),
    },
    ...(stream ? { stream } : {}),
  };
}
