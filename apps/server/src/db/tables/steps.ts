// The steps of one release, in plan order, updated from step.started / step.finished events.
import { STEP_STATUSES } from '@shipgate/core';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { releases } from './releases.js';

export const steps = sqliteTable(
  'steps',
  {
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    status: text('status', { enum: STEP_STATUSES }).notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    detail: text('detail'),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.name] })],
);

export type StepRow = typeof steps.$inferSelect;
