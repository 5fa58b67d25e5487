// A signed-in person for route tests: the users row and a session, as the OIDC callback would
// leave them (the sign-in itself is proven against a real provider in oidc-sign-in.slow.test.ts).
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../auth/token-verifier.js';
import type { SignedInPerson } from '../repositories/user-repository.js';

export async function personSession(app: FastifyInstance, person: Omit<SignedInPerson, 'emailVerified'> & { emailVerified?: boolean }): Promise<string> {
  await app.services.users.upsert({ emailVerified: true, ...person }, new Date());
  const id = randomBytes(32).toString('base64url');
  await app.services.sessions.create(sha256(id).toString('hex'), `user:${person.id}`, new Date(), 3600_000);
  return `shipgate_session=${id}`;
}
