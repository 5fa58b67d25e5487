// The only code that reads and writes the reports table.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { reports, type ReportRow } from '../db/schema.js';

export type { ReportRow };

export function createReportRepository(db: Db) {
  return {
    save(row: ReportRow): void {
      db.insert(reports)
        .values(row)
        .onConflictDoUpdate({ target: reports.releaseId, set: { markdown: row.markdown, status: row.status, version: row.version } })
        .run();
    },
    get(releaseId: string): ReportRow | undefined {
      return db.select().from(reports).where(eq(reports.releaseId, releaseId)).get();
    },
    list(projectId?: string): Omit<ReportRow, 'markdown'>[] {
      return db
        .select({ releaseId: reports.releaseId, projectId: reports.projectId, version: reports.version, status: reports.status, createdAt: reports.createdAt })
        .from(reports)
        .where(projectId === undefined ? undefined : eq(reports.projectId, projectId))
        .orderBy(desc(reports.releaseId))
        .all();
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
