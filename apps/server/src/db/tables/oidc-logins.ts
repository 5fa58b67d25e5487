// Sign-ins started at the provider and not finished yet: state, nonce and the PKCE verifier stay
// on the server; the browser holds only a random id (its SHA-256 is the key). Used once.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const oidcLogins = sqliteTable('oidc_logins', {
  idHash: text('id_hash').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  next: text('next').notNull(),
  expiresAt: text('expires_at').notNull(),
});
