// The only code that reads and writes the sessions table. Ids are stored as SHA-256 only.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { sessions } from '../db/schema.js';
import type { Role } from '@shipgate/contract';

export function createSessionRepository(db: Db) {
  return {
    create(idHash: string, role: Role, now: Date, ttlMs: number): void {
      db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
      db.insert(sessions)
        .values({ idHash, role, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() })
        .run();
    },
    roleOf(idHash: string, now: Date): Role | null {
      const row = db
        .select({ role: sessions.role })
        .from(sessions)
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString())))
        .get();
      return row?.role ?? null;
    },
    remove(idHash: string): void {
      db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
