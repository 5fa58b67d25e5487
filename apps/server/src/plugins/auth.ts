// Deny by default, decided by the route that MATCHED (never by a string test on the raw URL,
// which the router decodes differently): every route needs a token (bearer header, the session
// cookie, or ?token= on the WebSocket) unless its route config says `public: true`. A request no
// route matched goes to the not-found handler (a 404 that reveals nothing). Viewers may only read.
// Cross-site requests: a browser sends the SameSite cookie along from any page of the same site
// (another port of 127.0.0.1), so a cookie-authenticated change or WebSocket must carry this
// server's own Origin; any request with a foreign Origin that would change something, or open
// the WebSocket, is refused whatever its credentials.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@shipgate/contract';
import { SESSION_COOKIE } from '../auth/start-session.js';
import { sha256 } from '../auth/token-verifier.js';
import { isForeignOrigin } from './site.js';

declare module 'fastify' {
  interface FastifyRequest {
    role: Role | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Credential = { role: Role | null; via: 'bearer' | 'cookie' | 'query' };

function credentialOf(app: FastifyInstance, request: FastifyRequest): Credential | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return { role: match?.[1] ? app.tokens.roleOf(match[1]) : null, via: 'bearer' };
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session) return { role: app.services.sessions.roleOf(sha256(session).toString('hex'), new Date()), via: 'cookie' };
  const query = request.query as { token?: unknown } | undefined;
  if (isWebSocket(request) && typeof query?.token === 'string') return { role: app.tokens.roleOf(query.token), via: 'query' };
  return null;
}

const isWebSocket = (request: FastifyRequest) => request.headers.upgrade?.toLowerCase() === 'websocket';
const changes = (request: FastifyRequest) => !READS.has(request.method) || isWebSocket(request);

async function authenticate(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.is404) return;
  if (changes(request) && isForeignOrigin(this.site, request)) {
    return reply.code(403).send({ error: 'forbidden', message: `requests from another site (Origin ${request.headers.origin}) may not change anything or open the live connection` });
  }
  if (request.routeOptions.config.public === true) return;
  const credential = credentialOf(this, request);
  if (credential?.role == null) {
    // say which: no credentials at all, or ones that are not (or no longer) valid
    const message = credential
      ? 'that token or session is not valid (mistyped, replaced, or the session ended): sign in again with a current token'
      : 'a token is required: Authorization: Bearer <token>, or sign in';
    return reply.code(401).send({ error: 'unauthorized', message });
  }
  if (credential.via === 'cookie' && changes(request) && request.headers.origin === undefined) {
    return reply.code(403).send({ error: 'forbidden', message: 'a signed-in browser request that changes something must carry this server\'s Origin header; scripts use Authorization: Bearer <token>' });
  }
  request.role = credential.role;
  if (credential.role === 'viewer' && !READS.has(request.method)) {
    return reply.code(403).send({ error: 'forbidden', message: 'the viewer token can only read; use the deployer token to change anything' });
  }
}

export function authPlugin(app: FastifyInstance): void {
  app.decorateRequest('role', null);
  app.addHook('onRequest', authenticate);
}
