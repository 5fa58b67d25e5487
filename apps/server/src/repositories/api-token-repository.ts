// The only code that reads and writes api_tokens. Secrets never reach this table: only hashes.
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { apiTokens, type ApiTokenRow } from '../db/schema.js';

const isLive = (now: Date) => and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now.toISOString())));

export function createApiTokenRepository(db: Db) {
  const first = async (where: ReturnType<typeof and>): Promise<ApiTokenRow | undefined> => (await db.select().from(apiTokens).where(where).limit(1))[0];
  return {
    async insert(row: Omit<ApiTokenRow, 'revokedAt'>): Promise<void> {
      await db.insert(apiTokens).values(row);
    },
    /** The live token with this hash (not revoked, not expired). */
    live(tokenHash: string, now: Date): Promise<ApiTokenRow | undefined> {
      return first(and(eq(apiTokens.tokenHash, tokenHash), isLive(now)));
    },
    liveById(id: string, now: Date): Promise<ApiTokenRow | undefined> {
      return first(and(eq(apiTokens.id, id), isLive(now)));
    },
    get(id: string): Promise<ApiTokenRow | undefined> {
      return first(eq(apiTokens.id, id));
    },
    /** One owner's tokens, or everyone's (owner undefined), newest first, revoked ones included. */
    async list(ownerCredential?: string): Promise<ApiTokenRow[]> {
      const query = db.select().from(apiTokens);
      return await (ownerCredential === undefined ? query : query.where(eq(apiTokens.ownerCredential, ownerCredential))).orderBy(desc(apiTokens.createdAt));
    },
    async revoke(id: string, now: Date): Promise<void> {
      await db.update(apiTokens).set({ revokedAt: now.toISOString() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
