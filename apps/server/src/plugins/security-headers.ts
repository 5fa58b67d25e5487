// Security headers on every answer (@fastify/helmet): a strict Content-Security-Policy (own
// scripts, styles and connections only; images only from this server or data: URIs, so a
// Markdown image pointing elsewhere is never fetched; no framing), X-Frame-Options DENY,
// nosniff, and Referrer-Policy no-referrer. HSTS only when the public URL is https.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function securityHeadersPlugin(app: FastifyInstance, publicUrl: URL | null): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: publicUrl?.protocol === 'https:' ? { maxAge: 15552000 } : false,
  });
}
