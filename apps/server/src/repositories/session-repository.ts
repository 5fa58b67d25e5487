// The only code that reads and writes the sessions table. Ids are stored as SHA-256 only.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { sessions } from '../db/schema.js';

export function createSessionRepository(db: Db) {
  return {
    async create(idHash: string, credential: string, now: Date, ttlMs: number): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
      await db.insert(sessions).values({ idHash, credential, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() });
    },
    /** Who the live session belongs to; null when it is unknown, ended or expired. */
    async credentialOf(idHash: string, now: Date): Promise<string | null> {
      const [row] = await db
        .select({ credential: sessions.credential })
        .from(sessions)
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString())))
        .limit(1);
      return row?.credential ?? null;
    },
    async remove(idHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    /** Ends every session signed in with this credential (a revoked token). */
    async removeFor(credential: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.credential, credential));
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
