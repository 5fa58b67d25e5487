// Every event of every release, numbered per release without gaps (seq starts at 1).
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { releases } from './releases.js';

export const events = sqliteTable(
  'events',
  {
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    type: text('type').notNull(),
    /** The ReleaseEvent as JSON text, streamed as-is to WebSocket clients. */
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.seq] })],
);

export type EventRow = typeof events.$inferSelect;
