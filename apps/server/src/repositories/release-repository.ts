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
  const stepsOf = async (ids: string[]): Promise<Map<string, StepRow[]>> => {
    const byRelease = new Map<string, StepRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byRelease;
    const rows = await db.select().from(steps).where(inArray(steps.releaseId, ids)).orderBy(steps.position);
    for (const row of rows) byRelease.get(row.releaseId)?.push(row);
    return byRelease;
  };
  const findActive = async (projectId: string): Promise<ReleaseRow | undefined> =>
    (
      await db
        .select()
        .from(releases)
        .where(and(eq(releases.projectId, projectId), inArray(releases.status, [...ACTIVE_RELEASE_STATUSES])))
        .limit(1)
    )[0];

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
    async insert(row: NewReleaseRow, stepNames: readonly string[], alsoInsert?: (tx: Pick<Db, 'insert'>) => void): Promise<InsertResult> {
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
        return { ok: false, activeId: (await findActive(row.projectId))?.id ?? null };
      }
    },
    async get(id: string): Promise<ReleaseRecord | undefined> {
      const [row] = await db.select().from(releases).where(eq(releases.id, id)).limit(1);
      return row ? { ...row, steps: (await stepsOf([id])).get(id) ?? [] } : undefined;
    },
    async list(query: ListQuery): Promise<ReleaseRecord[]> {
      const where = and(
        query.projectId === undefined ? undefined : eq(releases.projectId, query.projectId),
        query.status === undefined ? undefined : eq(releases.status, query.status),
        query.cursor === undefined ? undefined : lt(releases.id, query.cursor),
      );
      const rows = await db.select().from(releases).where(where).orderBy(desc(releases.id)).limit(query.limit);
      const byRelease = await stepsOf(rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, steps: byRelease.get(r.id) ?? [] }));
    },
    /**
     * The run that put `version` into production: the newest real (not dry-run) release or
     * rollback of it that reached production (succeeded, or failed with production left on it).
     */
    async productionReleaseId(projectId: string, version: string | null): Promise<string | null> {
      if (version === null) return null;
      const where = and(eq(releases.projectId, projectId), eq(releases.dryRun, false), eq(releases.version, version), inArray(releases.status, ['succeeded', 'failed']));
      return (await db.select({ id: releases.id }).from(releases).where(where).orderBy(desc(releases.id)).limit(1))[0]?.id ?? null;
    },
    async latest(projectId: string, status?: ReleaseStatus): Promise<ReleaseRow | undefined> {
      const where = and(eq(releases.projectId, projectId), status === undefined ? undefined : eq(releases.status, status));
      return (await db.select().from(releases).where(where).orderBy(desc(releases.id)).limit(1))[0];
    },
    async inStatuses(statuses: readonly ReleaseStatus[]): Promise<ReleaseRow[]> {
      return await db.select().from(releases).where(inArray(releases.status, [...statuses]));
    },
    /** Moves status only if it is still `from` (another writer may have moved it). */
    async setStatus(id: string, from: ReleaseStatus, to: ReleaseStatus, patch: Partial<NewReleaseRow> = {}): Promise<boolean> {
      generation++;
      const moved = await db
        .update(releases)
        .set({ ...patch, status: to })
        .where(and(eq(releases.id, id), eq(releases.status, from)))
        .returning({ id: releases.id });
      return wrote(moved.length === 1);
    },
    async update(id: string, patch: Partial<NewReleaseRow>): Promise<void> {
      if (Object.keys(patch).length === 0) return;
      generation++;
      wrote(await db.update(releases).set(patch).where(eq(releases.id, id)));
    },
    async ensureSteps(id: string, names: readonly string[]): Promise<void> {
      const known = new Set(((await stepsOf([id])).get(id) ?? []).map((s) => s.name));
      let position = known.size;
      for (const name of names) {
        if (known.has(name)) continue;
        generation++;
        wrote(await db.insert(steps).values({ releaseId: id, name, position: position++, status: 'pending' }));
        known.add(name);
      }
    },
    async updateStep(id: string, name: string, patch: { status: StepStatus; startedAt?: string | null; finishedAt?: string | null; detail?: string | null }): Promise<void> {
      await this.ensureSteps(id, [name]);
      generation++;
      wrote(await db.update(steps).set(patch).where(and(eq(steps.releaseId, id), eq(steps.name, name))));
    },
  };
}

export type ReleaseRepository = ReturnType<typeof createReleaseRepository>;
