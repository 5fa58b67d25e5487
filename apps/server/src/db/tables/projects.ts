// A project: a git work tree the server releases from (through its own clone of the remote).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  dir: text('dir').notNull().unique(),
  remoteUrl: text('remote_url').notNull(),
  remoteName: text('remote_name').notNull(),
  mainBranch: text('main_branch').notNull(),
  currentVersion: text('current_version'),
  /** What production ran at the last plan, when git can tell (git-branch provider). */
  productionVersion: text('production_version'),
  /** What production runs, as core's productionNow() said at the last plan or release. */
  productionTag: text('production_tag'),
  productionCommit: text('production_commit'),
  /** When production started running it (the record that put it there). */
  productionSince: text('production_since'),
  /** A lock (CONTRACT §7): promotes answer 423 while lock_reason is set; rollbacks, cancels and resumes are never blocked. */
  lockReason: text('lock_reason'),
  lockBy: text('lock_by'),
  lockSince: text('lock_since'),
  /** 1 when Shipgate locked it after an automatic rollback (lockAfterRollback). */
  lockAutomatic: integer('lock_automatic', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

export type ProjectRow = typeof projects.$inferSelect;
