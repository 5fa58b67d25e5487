// A new browser session: a random id in an HttpOnly, SameSite=Strict cookie; only its
// SHA-256 is stored.
import type { Role } from '@shipgate/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { sha256 } from './token-verifier.js';

export const SESSION_COOKIE = 'shipgate_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export function startSession(app: FastifyInstance, reply: FastifyReply, role: Role): void {
  const id = randomBytes(32).toString('base64url');
  app.services.sessions.create(sha256(id).toString('hex'), role, new Date(), SESSION_TTL_MS);
  const secure = app.site.publicUrl?.protocol === 'https:';
  reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: SESSION_TTL_MS / 1000 });
}
