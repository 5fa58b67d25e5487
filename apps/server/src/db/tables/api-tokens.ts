// Personal API tokens (/api/tokens): only the SHA-256 of the secret is stored. A token acts for
// its owner (`ownerCredential`, as a session stores it) with at most `role`.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    ownerCredential: text('owner_credential').notNull(),
    ownerName: text('owner_name').notNull(),
    role: text('role', { enum: ['viewer', 'deployer', 'admin'] }).notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_owner').on(t.ownerCredential)],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
