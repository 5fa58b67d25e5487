// The only code that reads and writes oidc_logins: a sign-in is taken (read and deleted) once.
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { oidcLogins } from '../db/schema.js';

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

export function createOidcLoginRepository(db: Db) {
  return {
    async create(idHash: string, login: PendingLogin, now: Date, ttlMs: number): Promise<void> {
      await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now.toISOString()));
      await db.insert(oidcLogins).values({ idHash, ...login, expiresAt: new Date(now.getTime() + ttlMs).toISOString() });
    },
    /** The pending sign-in, removed so it can never be finished twice; null when unknown or expired. */
    async take(idHash: string, now: Date): Promise<PendingLogin | null> {
      const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.idHash, idHash)).returning();
      if (!row || row.expiresAt <= now.toISOString()) return null;
      return { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, next: row.next };
    },
  };
}

export type OidcLoginRepository = ReturnType<typeof createOidcLoginRepository>;
