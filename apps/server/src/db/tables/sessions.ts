// Browser sessions: the cookie holds a random id; only its SHA-256 is stored.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  role: text('role', { enum: ['deployer', 'viewer'] }).notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});

export type SessionRow = typeof sessions.$inferSelect;
