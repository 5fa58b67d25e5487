// /api/session: a browser exchanges a token for an HttpOnly, SameSite=Strict session cookie.
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, startSession } from '../auth/start-session.js';
import { roleOf } from '../auth/role-rules.js';
import { sha256 } from '../auth/token-verifier.js';
import { errors } from '../schemas/api-schemas.js';

const sessionSchema = { type: 'object', properties: { role: { type: 'string', enum: ['admin', 'deployer', 'viewer'] } } } as const;

export function sessionRoutes(app: FastifyInstance): void {
  app.post<{ Body: { token: string } }>(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Sign in: exchange a token for a session cookie',
        security: [],
        body: { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 512 } } },
        response: { 200: sessionSchema, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const principal = await app.identities.fromToken(request.body.token);
      if (principal === null) {
        await app.services.audit.record({ actor: null, action: 'sign_in_failed', reason: 'a token that is not valid' });
        return reply.code(401).send({ error: 'unauthorized', message: 'that token is not valid' });
      }
      await startSession(app, reply, principal);
      await app.services.audit.record({ actor: principal, action: 'sign_in', detail: { via: 'token' } });
      return { role: roleOf(principal, app.settings, null) };
    },
  );

  app.get(
    '/api/session',
    { config: { role: 'viewer' }, schema: { tags: ['session'], summary: 'The role of the caller', response: { 200: sessionSchema, ...errors(401) } } },
    async (request) => ({ role: request.role }),
  );

  app.delete(
    '/api/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign out', security: [], response: { 204: { type: 'null' } } },
    },
    async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE];
      if (id) await app.services.sessions.remove(sha256(id).toString('hex'));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
}
