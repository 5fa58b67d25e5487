// People who signed in with the OpenID provider: what the provider last said about them.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  /** `oidc:<sub>` */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  /** false only when the provider said the email is not verified (then email rules do not apply). */
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(true),
  groups: text('groups', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: text('created_at').notNull(),
  lastSignInAt: text('last_sign_in_at').notNull(),
});

export type UserRow = typeof users.$inferSelect;
