// A new browser session: a random id in an HttpOnly, SameSite=Strict cookie (Secure when the
// server is reached over https); only its SHA-256 is stored, with who signed in.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.js';
import { sha256 } from './token-verifier.js';

export const SESSION_COOKIE = 'shipgate_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export async function startSession(app: FastifyInstance, reply: FastifyReply, principal: Principal): Promise<void> {
  const id = randomBytes(32).toString('base64url');
  await app.services.sessions.create(sha256(id).toString('hex'), principal.credential, new Date(), SESSION_TTL_MS);
  const secure = app.site.publicUrl?.protocol === 'https:';
  reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: SESSION_TTL_MS / 1000 });
}
