// The only code that reads and writes api_tokens. Secrets never reach this table: only hashes.
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { apiTokens, type ApiTokenRow } from '../db/schema.js';

const isLive = (now: Date) => and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now.toISOString())));

export function createApiTokenRepository(db: Db) {
  return {
    insert(row: Omit<ApiTokenRow, 'revokedAt'>): void {
      db.insert(apiTokens).values(row).run();
    },
    /** The live token with this hash (not revoked, not expired). */
    live(tokenHash: string, now: Date): ApiTokenRow | undefined {
      return db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, tokenHash), isLive(now))).get();
    },
    liveById(id: string, now: Date): ApiTokenRow | undefined {
      return db.select().from(apiTokens).where(and(eq(apiTokens.id, id), isLive(now))).get();
    },
    get(id: string): ApiTokenRow | undefined {
      return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    },
    /** One owner's tokens, or everyone's (owner undefined), newest first, revoked ones included. */
    list(ownerCredential?: string): ApiTokenRow[] {
      const query = db.select().from(apiTokens);
      return (ownerCredential === undefined ? query : query.where(eq(apiTokens.ownerCredential, ownerCredential))).orderBy(desc(apiTokens.createdAt)).all();
    },
    revoke(id: string, now: Date): void {
      db.update(apiTokens).set({ revokedAt: now.toISOString() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run();
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
