// The only code that touches the audit table: append and list (newest first, by id cursor).
import { and, asc, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/open-database.js';
import { audit, type AuditRow } from '../db/schema.js';

export interface AuditEntry {
  actor: Pick<Principal, 'id' | 'name'> | null;
  action: string;
  projectId?: string | null | undefined;
  releaseId?: string | null | undefined;
  reason?: string | null | undefined;
  detail?: Record<string, unknown> | undefined;
}

export interface AuditQuery {
  project?: string | undefined;
  /** An actor id, or a display name. */
  actor?: string | undefined;
  action?: string | undefined;
  limit: number;
  /** List entries older than this id. */
  before?: number | undefined;
}

export function createAuditRepository(db: Db, clock: () => Date = () => new Date()) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insert(audit)
        .values({
          at: clock().toISOString(),
          actor: entry.actor?.name ?? null,
          actorId: entry.actor?.id ?? null,
          action: entry.action,
          projectId: entry.projectId ?? null,
          releaseId: entry.releaseId ?? null,
          reason: entry.reason ?? null,
          detail: entry.detail ?? null,
        });
    },
    async list(query: AuditQuery): Promise<AuditRow[]> {
      const where: SQL[] = [];
      if (query.project) where.push(eq(audit.projectId, query.project));
      if (query.actor) where.push(or(eq(audit.actorId, query.actor), eq(audit.actor, query.actor))!);
      if (query.action) where.push(eq(audit.action, query.action));
      if (query.before !== undefined) where.push(lt(audit.id, query.before));
      return await db.select().from(audit).where(and(...where)).orderBy(desc(audit.id)).limit(query.limit);
    },
    /** What was decided about one release of the project (promote, overrides, locks, approvals…), oldest first. */
    async ofRelease(projectId: string, releaseId: string): Promise<AuditRow[]> {
      return db.select().from(audit).where(and(eq(audit.projectId, projectId), eq(audit.releaseId, releaseId))).orderBy(asc(audit.id)).all();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
