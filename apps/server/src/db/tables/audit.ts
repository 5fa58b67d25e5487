// The audit trail: one row per sign-in (and failed one), release action and token change.
// Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** The display name (null: unknown, e.g. a failed sign-in). */
    actor: text('actor'),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    projectId: text('project_id'),
    releaseId: text('release_id'),
    reason: text('reason'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_actor_id').on(t.actorId, t.id), index('audit_project_id').on(t.projectId, t.id)],
);

export type AuditRow = typeof audit.$inferSelect;
