// Browser sessions: the cookie holds a random id; only its SHA-256 is stored. `credential` says
// who signed in (`user:<id>`, `legacy:deployer`, `named:<name>`, `api:<token id>`), resolved to a
// person and a role on every request, so a revoked token or a changed rule takes effect at once.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    credential: text('credential').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_credential').on(t.credential)],
);

export type SessionRow = typeof sessions.$inferSelect;
