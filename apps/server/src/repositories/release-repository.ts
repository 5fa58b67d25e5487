// The only code that reads and writes the releases and steps tables.
import type { ReleaseStatus, StepStatus } from '@shipgate/core';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { ACTIVE_RELEASE_STATUSES } from '@shipgate/core';
import type { Db } from '../db/open-database.js';
import { releases, steps, type NewReleaseRow, type ReleaseRow, type StepRow } from '../db/schema.js';

export type { ReleaseRow, StepRow };
export interface ReleaseRecord extends ReleaseRow {
  steps: StepRow[];
}
export type InsertResult = { ok: true } | { ok: false; activeId: string | null };
export interface ListQuery {
  projectId?: string;
  status?: ReleaseStatus;
  limit: number;
  cursor?: string;
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createReleaseRepository(db: Db) {
  const stepsOf = (ids: string[]): Map<string, StepRow[]> => {
    const byRelease = new Map<string, StepRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byRelease;
    const rows = db.select().from(steps).where(inArray(steps.releaseId, ids)).orderBy(steps.position).all();
    for (const row of rows) byRelease.get(row.releaseId)?.push(row);
    return byRelease;
  };
  const findActive = (projectId: string): ReleaseRow | undefined =>
    db
      .select()
      .from(releases)
      .where(and(eq(releases.projectId, projectId), inArray(releases.status, [...ACTIVE_RELEASE_STATUSES])))
      .get();

  // bumped on every write, so readers can cache what they built from these tables
  let generation = 0;
  const wrote = <T>(value: T): T => {
    generation++;
    return value;
  };

  return {
    findActive,
    generation: () => generation,
    /**
     * Inserts the release and its pending steps in one transaction; the unique index decides.
     * `alsoInsert` writes rows that belong to the release in the same transaction (its approval request).
     */
    insert(row: NewReleaseRow, stepNames: readonly string[], alsoInsert?: (tx: Pick<Db, 'insert'>) => void): InsertResult {
      try {
        db.transaction((tx) => {
          tx.insert(releases).values(row).run();
          if (stepNames.length > 0) {
            tx.insert(steps)
              .values(stepNames.map((name, position) => ({ releaseId: row.id, name, position, status: 'pending' as const })))
              .run();
          }
          alsoInsert?.(tx);
        });
        return wrote<InsertResult>({ ok: true });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { ok: false, activeId: findActive(row.projectId)?.id ?? null };
      }
    },
    get(id: string): ReleaseRecord | undefined {
      const row = db.select().from(releases).where(eq(releases.id, id)).get();
      return row ? { ...row, steps: stepsOf([id]).get(id) ?? [] } : undefined;
    },
    list(query: ListQuery): ReleaseRecord[] {
      const where = and(
        query.projectId === undefined ? undefined : eq(releases.projectId, query.projectId),
        query.status === undefined ? undefined : eq(releases.status, query.status),
        query.cursor === undefined ? undefined : lt(releases.id, query.cursor),
      );
      const rows = db.select().from(releases).where(where).orderBy(desc(releases.id)).limit(query.limit).all();
      const byRelease = stepsOf(rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, steps: byRelease.get(r.id) ?? [] }));
    },
    /**
     * The run that put `version` into production: the newest real (not dry-run) release or
     * rollback of it that reached production (succeeded, or failed with production left on it).
     */
    productionReleaseId(projectId: string, version: string | null): string | null {
      if (version === null) return null;
      const where = and(eq(releases.projectId, projectId), eq(releases.dryRun, false), eq(releases.version, version), inArray(releases.status, ['succeeded', 'failed']));
      return db.select({ id: releases.id }).from(releases).where(where).orderBy(desc(releases.id)).limit(1).get()?.id ?? null;
    },
    latest(projectId: string, status?: ReleaseStatus): ReleaseRow | undefined {
      const where = and(eq(releases.projectId, projectId), status === undefined ? undefined : eq(releases.status, status));
      return db.select().from(releases).where(where).orderBy(desc(releases.id)).limit(1).get();
    },
    inStatuses(statuses: readonly ReleaseStatus[]): ReleaseRow[] {
      return db.select().from(releases).where(inArray(releases.status, [...statuses])).all();
    },
    /** Moves status only if it is still `from` (another writer may have moved it). */
    setStatus(id: string, from: ReleaseStatus, to: ReleaseStatus, patch: Partial<NewReleaseRow> = {}): boolean {
      const result = db
        .update(releases)
        .set({ ...patch, status: to })
        .where(and(eq(releases.id, id), eq(releases.status, from)))
        .run();
      return wrote(result.changes === 1);
    },
    update(id: string, patch: Partial<NewReleaseRow>): void {
      if (Object.keys(patch).length > 0) wrote(db.update(releases).set(patch).where(eq(releases.id, id)).run());
    },
    ensureSteps(id: string, names: readonly string[]): void {
      const known = new Set((stepsOf([id]).get(id) ?? []).map((s) => s.name));
      let position = known.size;
      for (const name of names) {
        if (known.has(name)) continue;
        wrote(db.insert(steps).values({ releaseId: id, name, position: position++, status: 'pending' }).run());
        known.add(name);
      }
    },
    updateStep(id: string, name: string, patch: { status: StepStatus; startedAt?: string | null; finishedAt?: string | null; detail?: string | null }): void {
      this.ensureSteps(id, [name]);
      wrote(
        db
          .update(steps)
          .set(patch)
          .where(and(eq(steps.releaseId, id), eq(steps.name, name)))
          .run(),
      );
    },
  };
}

export type ReleaseRepository = ReturnType<typeof createReleaseRepository>;
