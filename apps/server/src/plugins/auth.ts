// Deny by default, decided by the route that MATCHED (never by a string test on the raw URL,
// which the router decodes differently): every route needs a credential (bearer header, the
// session cookie, or ?token= on the WebSocket) unless its config says `public: true`, and the
// role its config names (`config.role`; undeclared: viewer to read, admin to change). A route
// that acts on one project names it (`config.projectOf`), so per-project role rules apply.
// A request no route matched goes to the not-found handler (a 404 that reveals nothing).
// Cross-site requests: a browser sends the SameSite cookie along from any page of the same site
// (another port of 127.0.0.1), so a cookie-authenticated change or WebSocket must carry this
// server's own Origin; any request with a foreign Origin that would change something, or open
// the WebSocket, is refused whatever its credentials.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@shipgate/contract';
import type { Principal } from '../auth/principal.js';
import { isAtLeast, roleOf } from '../auth/role-rules.js';
import { SESSION_COOKIE } from '../auth/start-session.js';
import { sha256 } from '../auth/token-verifier.js';
import type { Services } from '../services.js';
import { isForeignOrigin } from './site.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's role on what the route acts on (the project, else server-wide). */
    role: Role | null;
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    /** The least role the route needs; undeclared: viewer for reads, admin for changes. */
    role?: Role;
    /** The project the route acts on (its id), for per-project role rules. */
    projectOf?: (request: FastifyRequest, services: Services) => string | null | undefined | Promise<string | null | undefined>;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Credential = { principal: Principal | null; via: 'bearer' | 'cookie' | 'query' };

async function credentialOf(app: FastifyInstance, request: FastifyRequest): Promise<Credential | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return { principal: match?.[1] ? await app.identities.fromToken(match[1]) : null, via: 'bearer' };
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session) {
    const stored = await app.services.sessions.credentialOf(sha256(session).toString('hex'), new Date());
    return { principal: stored === null ? null : await app.identities.fromCredential(stored), via: 'cookie' };
  }
  const query = request.query as { token?: unknown } | undefined;
  if (isWebSocket(request) && typeof query?.token === 'string') return { principal: await app.identities.fromToken(query.token), via: 'query' };
  return null;
}

const isWebSocket = (request: FastifyRequest) => request.headers.upgrade?.toLowerCase() === 'websocket';
const changes = (request: FastifyRequest) => !READS.has(request.method) || isWebSocket(request);

async function authenticate(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.is404) return;
  if (changes(request) && isForeignOrigin(this.site, request)) {
    return reply.code(403).send({ error: 'forbidden', message: `requests from another site (Origin ${request.headers.origin}) may not change anything or open the live connection` });
  }
  const config = request.routeOptions.config;
  if (config.public === true) return;
  const credential = await credentialOf(this, request);
  const principal = credential?.principal ?? null;
  if (principal === null) {
    // say which: no credentials at all, or ones that are not (or no longer) valid
    const message = credential
      ? 'that token or session is not valid (mistyped, revoked, expired, or the session ended): sign in again'
      : 'a token is required: Authorization: Bearer <token>, or sign in';
    return reply.code(401).send({ error: 'unauthorized', message });
  }
  if (credential?.via === 'cookie' && changes(request) && request.headers.origin === undefined) {
    return reply.code(403).send({ error: 'forbidden', message: 'a signed-in browser request that changes something must carry this server\'s Origin header; scripts use Authorization: Bearer <token>' });
  }
  const projectId = (await config.projectOf?.(request, this.services)) ?? null;
  const project = projectId === null ? null : (await this.services.projects.get(projectId) ?? null);
  const role = roleOf(principal, this.settings, project);
  request.principal = principal;
  request.role = role;
  const needed = config.role ?? (READS.has(request.method) ? 'viewer' : 'admin');
  if (!isAtLeast(role, needed)) {
    const where = project ? ` on ${project.name}` : '';
    return reply.code(403).send({ error: 'forbidden', message: `this needs the ${needed} role${where}; ${principal.name} is ${role === 'viewer' ? 'a viewer' : `${role === 'admin' ? 'an' : 'a'} ${role}`}${where}` });
  }
}

export function authPlugin(app: FastifyInstance): void {
  app.decorateRequest('role', null);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', authenticate);
}

/** Route config for routes under /api/releases/:id — the release's project decides the role. */
export const releaseProject = async (request: FastifyRequest, services: Services) => (await services.releases.get((request.params as { id: string }).id))?.projectId;
/** Route config for routes under /api/projects/:id. */
export const paramProject = (request: FastifyRequest) => (request.params as { id: string }).id;
