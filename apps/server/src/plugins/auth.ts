// Deny by default, decided by the route that MATCHED (never by a string test on the raw URL,
// which the router decodes differently): every route needs a token (bearer header, the session
// cookie, or ?token= on the WebSocket) unless its route config says `public: true`. A request no
// route matched goes to the not-found handler (a 404 that reveals nothing). Viewers may only read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@shipgate/contract';
import { sha256 } from '../auth/token-verifier.js';

export const SESSION_COOKIE = 'shipgate_session';

declare module 'fastify' {
  interface FastifyRequest {
    role: Role | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function roleOfRequest(app: FastifyInstance, request: FastifyRequest): Role | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ? app.tokens.roleOf(match[1]) : null;
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session) return app.services.sessions.roleOf(sha256(session).toString('hex'), new Date());
  const query = request.query as { token?: unknown } | undefined;
  if (request.routeOptions.url === '/api/ws' && typeof query?.token === 'string') return app.tokens.roleOf(query.token);
  return null;
}

async function authenticate(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.is404 || request.routeOptions.config.public === true) return;
  const role = roleOfRequest(this, request);
  if (role === null) {
    // say which: no credentials at all, or ones that are not (or no longer) valid
    const presented = request.headers.authorization !== undefined || Boolean(request.cookies[SESSION_COOKIE]) || typeof (request.query as { token?: unknown } | undefined)?.token === 'string';
    const message = presented
      ? 'that token or session is not valid (mistyped, replaced, or the session ended): sign in again with a current token'
      : 'a token is required: Authorization: Bearer <token>, or sign in';
    return reply.code(401).send({ error: 'unauthorized', message });
  }
  request.role = role;
  if (role === 'viewer' && !READS.has(request.method)) {
    return reply.code(403).send({ error: 'forbidden', message: 'the viewer token can only read; use the deployer token to change anything' });
  }
}

export function authPlugin(app: FastifyInstance): void {
  app.decorateRequest('role', null);
  app.addHook('onRequest', authenticate);
}
