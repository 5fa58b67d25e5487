// Sign-in with the OpenID provider (CONTRACT §7): GET /api/auth (what the sign-in page offers),
// GET /api/auth/login → the provider, GET /api/auth/callback → a session, POST /api/auth/logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { SignInError } from '../auth/oidc-sign-in.js';
import { personFromUser } from '../auth/identities.js';
import { SESSION_COOKIE, startSession } from '../auth/start-session.js';
import { sha256 } from '../auth/token-verifier.js';
import { errors } from '../schemas/api-schemas.js';

export const LOGIN_COOKIE = 'shipgate_oidc';
const LOGIN_TTL_MS = 10 * 60 * 1000;
const hashOf = (id: string) => sha256(id).toString('hex');

/** Same-origin paths only: `/x`, never `//host`, `/\host` or a URL. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function oidcRoutes(app: FastifyInstance): void {
  const secure = () => app.site.publicUrl?.protocol === 'https:';

  app.get(
    '/api/auth',
    { config: { public: true }, schema: { tags: ['session'], summary: 'How people sign in here', security: [], response: { 200: { type: 'object', properties: { oidc: { type: ['object', 'null'], properties: { name: { type: 'string' }, loginUrl: { type: 'string' } } } } } } } },
    async () => ({ oidc: app.oidc ? { name: app.oidc.name, loginUrl: '/api/auth/login' } : null }),
  );

  app.get<{ Querystring: { next?: string } }>(
    '/api/auth/login',
    { config: { public: true }, schema: { tags: ['session'], summary: 'Sign in with the OpenID provider (302 to it)', security: [], querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2048 } } }, response: errors(404, 502) } },
    async (request, reply) => {
      const oidc = app.oidc;
      if (!oidc) return reply.code(404).send({ error: 'not_configured', message: 'sign-in with an OpenID provider is not configured on this server (auth.oidc in its settings file)' });
      let started: Awaited<ReturnType<typeof oidc.start>>;
      try {
        started = await oidc.start(safeNext(request.query.next));
      } catch (error) {
        app.log.warn({ err: error }, 'OpenID provider unreachable');
        return reply.code(502).send({ error: 'provider_unreachable', message: (error as Error).message });
      }
      const id = randomBytes(32).toString('base64url');
      await app.services.oidcLogins.create(hashOf(id), started.pending, new Date(), LOGIN_TTL_MS);
      // Lax: the provider's redirect back is a cross-site top-level navigation
      reply.setCookie(LOGIN_COOKIE, id, { path: '/api/auth', httpOnly: true, sameSite: 'lax', secure: secure(), maxAge: LOGIN_TTL_MS / 1000 });
      return reply.header('cache-control', 'no-store').redirect(started.url.href, 302);
    },
  );

  app.get('/api/auth/callback', { config: { public: true }, schema: { tags: ['session'], summary: 'The provider\'s redirect back: verify and start the session', security: [] } }, async (request, reply) => {
    const oidc = app.oidc;
    if (!oidc) return reply.code(404).send({ error: 'not_configured', message: 'sign-in with an OpenID provider is not configured on this server' });
    const cookie = request.cookies[LOGIN_COOKIE];
    reply.clearCookie(LOGIN_COOKIE, { path: '/api/auth' });
    const pending = cookie ? await app.services.oidcLogins.take(hashOf(cookie), new Date()) : null;
    if (!pending) return refuse(request, reply, 'no sign-in is in progress in this browser (it was already finished, or it is older than 10 minutes): start again');
    try {
      const queryAt = request.url.indexOf('?');
      const person = await oidc.finish(queryAt < 0 ? '' : request.url.slice(queryAt), pending);
      await app.services.users.upsert(person, new Date());
      const principal = personFromUser((await app.services.users.get(person.id))!);
      await startSession(app, reply, principal);
      await app.services.audit.record({ actor: principal, action: 'sign_in', detail: { via: 'oidc' } });
      return reply.header('cache-control', 'no-store').redirect(pending.next, 303);
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      return refuse(request, reply, error.message);
    }
  });

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['session'], summary: 'Sign out: the session ends on the server', security: [], response: { 204: { type: 'null' } } } }, async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE];
    if (id) await app.services.sessions.remove(hashOf(id));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  async function refuse(request: FastifyRequest, reply: FastifyReply, reason: string) {
    await app.services.audit.record({ actor: null, action: 'sign_in_failed', reason });
    const message = `Sign-in with ${oidc().name} was refused: ${reason}`;
    reply.code(401).header('cache-control', 'no-store');
    if ((request.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>Sign-in refused</title><h1>Sign-in refused</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to Shipgate</a></p>`);
    }
    return reply.send({ error: 'sign_in_failed', message });
  }
  const oidc = () => app.oidc!;
}
