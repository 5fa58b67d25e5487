// Ship reports (markdown), one per release that produced one.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { releases } from './releases.js';

export const reports = sqliteTable('reports', {
  releaseId: text('release_id')
    .primaryKey()
    .references(() => releases.id),
  projectId: text('project_id').notNull(),
  version: text('version'),
  status: text('status').notNull(),
  markdown: text('markdown').notNull(),
  createdAt: text('created_at').notNull(),
});

export type ReportRow = typeof reports.$inferSelect;
