// Approvals (CONTRACT §7). `approval_requests`: one row per release promoted while approvals
// were required — how many, and the commit of main and options it was planned from (a
// re-plan after main moved updates it). `approvals`: every decision on it, append-mostly:
// an approval that stops counting (main moved before the last one) keeps its row with
// `void_reason`. The partial unique index lets a person's approval count once per plan.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { releases } from './releases.js';

export const APPROVAL_DECISIONS = ['approve', 'reject'] as const;

export const approvalRequests = sqliteTable('approval_requests', {
  releaseId: text('release_id')
    .primaryKey()
    .references(() => releases.id),
  /** Distinct approvals needed besides the requester (approvals.required when it was promoted). */
  required: integer('required').notNull(),
  /** The commit of main the release was (last) planned from: approvals count for this one only. */
  commit: text('commit').notNull(),
  /** The promote's `allowUnvalidated.reason`, kept so every re-plan and the run use it. */
  allowUnvalidated: text('allow_unvalidated'),
  /** When the current plan was made. */
  plannedAt: text('planned_at').notNull(),
  /** Set once main moved: what changed and which approvals stopped counting (the release says so). */
  replanned: text('replanned'),
});

export const approvals = sqliteTable(
  'approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id),
    decision: text('decision', { enum: APPROVAL_DECISIONS }).notNull(),
    /** The display name, and who stably (`oidc:<sub>`, `token:<name>`). */
    actor: text('actor').notNull(),
    actorId: text('actor_id').notNull(),
    /** The commit of main and the version the release was planned at when this was decided. */
    commit: text('commit').notNull(),
    version: text('version'),
    /** An approval's comment, or a rejection's reason. */
    comment: text('comment'),
    at: text('at').notNull(),
    /** Why this approval no longer counts; null while it counts. */
    voidReason: text('void_reason'),
  },
  (t) => [
    index('approvals_release_id').on(t.releaseId, t.id),
    uniqueIndex('approvals_once_per_person').on(t.releaseId, t.actorId).where(sql.raw(`decision = 'approve' and void_reason is null`)),
  ],
);

export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;
export type ApprovalRow = typeof approvals.$inferSelect;
