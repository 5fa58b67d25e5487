// The notification queue and its log (CONTRACT §7): one row per notification and target,
// worked in the background with retries; its status, attempts and last error are what the
// project page's delivery log shows. The target's URL and secret are never stored: the row
// names the target, and the settings hold where it goes.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const deliveries = sqliteTable(
  'deliveries',
  {
    /** A uuid: also the X-Shipgate-Delivery header, the same on every attempt and on "send again". */
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    releaseId: text('release_id'),
    /** The notification type: release.started, project.locked, … */
    type: text('type').notNull(),
    targetKind: text('target_kind', { enum: ['webhook', 'slack'] }).notNull(),
    targetName: text('target_name').notNull(),
    /** pending (due at next_attempt_at) → sending → delivered | failed (every attempt failed). */
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The HTTP status of the last answer, null when there was none (refused, timed out). */
    lastStatus: integer('last_status'),
    nextAttemptAt: text('next_attempt_at'),
    createdAt: text('created_at').notNull(),
    lastAttemptAt: text('last_attempt_at'),
    /** The raw JSON body, fixed when queued, so every attempt sends (and signs) the same bytes. */
    body: text('body').notNull(),
  },
  (t) => [index('deliveries_due').on(t.status, t.nextAttemptAt), index('deliveries_project').on(t.projectId, t.createdAt)],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryStatus = DeliveryRow['status'];
