// One row per release. The partial unique index is the project lock: at most one release
// per project may sit in an active status, whatever the number of processes or requests.
import { ACTIVE_RELEASE_STATUSES, RELEASE_KINDS, RELEASE_STATUSES, STEP_NAMES } from '@shipgate/core';
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';

const activeList = ACTIVE_RELEASE_STATUSES.map((s) => `'${s}'`).join(', ');

export const releases = sqliteTable(
  'releases',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    status: text('status', { enum: RELEASE_STATUSES }).notNull(),
    /** A promotion, or a manual rollback recorded as its own run. */
    kind: text('kind', { enum: RELEASE_KINDS }).notNull().default('release'),
    /** Why (a manual rollback's reason). */
    reason: text('reason'),
    /** The manual rollback that replaced this release. */
    rolledBackBy: text('rolled_back_by'),
    /** For a rollback: the release it replaced. */
    rollbackOf: text('rollback_of'),
    version: text('version'),
    previousVersion: text('previous_version'),
    tag: text('tag'),
    commit: text('commit'),
    actor: text('actor').notNull(),
    /** Who, stably: `oidc:<sub>`, `token:<name>` (the display name in `actor` may change). */
    actorId: text('actor_id'),
    bump: text('bump'),
    spec: text('spec'),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull().default(false),
    monitor: integer('monitor', { mode: 'boolean' }).notNull().default(true),
    currentStep: text('current_step', { enum: [...STEP_NAMES, 'rollback'] }),
    interruptedStep: text('interrupted_step'),
    error: text('error', { mode: 'json' }).$type<{ code: string; message: string; hint?: string; file?: string; line?: number; field?: string }>(),
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
  },
  (t) => [
    uniqueIndex('releases_one_active_per_project').on(t.projectId).where(sql.raw(`status in (${activeList})`)),
    index('releases_project_id_id').on(t.projectId, t.id),
    index('releases_status_id').on(t.status, t.id),
  ],
);

export type ReleaseRow = typeof releases.$inferSelect;
export type NewReleaseRow = typeof releases.$inferInsert;
