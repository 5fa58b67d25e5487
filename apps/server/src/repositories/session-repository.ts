// The only code that reads and writes the sessions table. Ids are stored as SHA-256 only.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { sessions } from '../db/schema.js';

export function createSessionRepository(db: Db) {
  return {
    create(idHash: string, credential: string, now: Date, ttlMs: number): void {
      db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
      db.insert(sessions)
        .values({ idHash, credential, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() })
        .run();
    },
    /** Who the live session belongs to; null when it is unknown, ended or expired. */
    credentialOf(idHash: string, now: Date): string | null {
      const row = db
        .select({ credential: sessions.credential })
        .from(sessions)
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString())))
        .get();
      return row?.credential ?? null;
    },
    remove(idHash: string): void {
      db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
    },
    /** Ends every session signed in with this credential (a revoked token). */
    removeFor(credential: string): void {
      db.delete(sessions).where(eq(sessions.credential, credential)).run();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
