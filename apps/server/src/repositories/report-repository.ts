// The only code that reads and writes the reports table.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { reports, type ReportRow } from '../db/schema.js';

export type { ReportRow };

export function createReportRepository(db: Db) {
  return {
    async save(row: ReportRow): Promise<void> {
      await db
        .insert(reports)
        .values(row)
        .onConflictDoUpdate({ target: reports.releaseId, set: { markdown: row.markdown, status: row.status, version: row.version } });
    },
    async get(releaseId: string): Promise<ReportRow | undefined> {
      return (await db.select().from(reports).where(eq(reports.releaseId, releaseId)).limit(1))[0];
    },
    async list(projectId?: string): Promise<Omit<ReportRow, 'markdown'>[]> {
      return await db
        .select({ releaseId: reports.releaseId, projectId: reports.projectId, version: reports.version, status: reports.status, createdAt: reports.createdAt })
        .from(reports)
        .where(projectId === undefined ? undefined : eq(reports.projectId, projectId))
        .orderBy(desc(reports.releaseId));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
