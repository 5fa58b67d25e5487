// The only code that reads and writes the projects table.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { projects, type ProjectRow } from '../db/schema.js';

export type { ProjectRow };

export function createProjectRepository(db: Db) {
  // bumped on every write, so readers can cache what they built from this table
  let generation = 0;
  const wrote = (_result?: unknown): void => void generation++;
  return {
    generation: () => generation,
    list(): ProjectRow[] {
      return db.select().from(projects).orderBy(projects.name).all();
    },
    get(id: string): ProjectRow | undefined {
      return db.select().from(projects).where(eq(projects.id, id)).get();
    },
    findByDir(dir: string): ProjectRow | undefined {
      return db.select().from(projects).where(eq(projects.dir, dir)).get();
    },
    insert(row: typeof projects.$inferInsert): void {
      db.insert(projects).values(row).run();
    },
    setCurrentVersion(id: string, version: string | null): void {
      wrote();
      db.update(projects).set({ currentVersion: version }).where(eq(projects.id, id)).run();
    },
    /** The repository's version, seen at plan time. */
    setPlannedVersion(id: string, current: string | null): void {
      wrote(db.update(projects).set({ currentVersion: current }).where(eq(projects.id, id)).run());
    },
    /** What production runs, as core said (productionNow at a plan, production.changed after a run). */
    setProduction(id: string, production: { version: string | null; tag: string | null; commit: string | null; since: string | null } | null): void {
      const row = { productionVersion: production?.version ?? null, productionTag: production?.tag ?? null, productionCommit: production?.commit ?? null, productionSince: production?.since ?? null };
      wrote(db.update(projects).set(row).where(eq(projects.id, id)).run());
    },
    /** Locks the project (promotes answer 423) or, with null, unlocks it. */
    setLock(id: string, lock: { reason: string; by: string; since: string; automatic: boolean } | null): void {
      const row = { lockReason: lock?.reason ?? null, lockBy: lock?.by ?? null, lockSince: lock?.since ?? null, lockAutomatic: lock?.automatic ?? false };
      wrote(db.update(projects).set(row).where(eq(projects.id, id)).run());
    },
    /** Locks the project unless it is locked already (that lock, and who set it, stays): whether it locked it. */
    async lockIfUnlocked(id: string, lock: { reason: string; by: string; since: string; automatic: boolean }): Promise<boolean> {
      const row = { lockReason: lock.reason, lockBy: lock.by, lockSince: lock.since, lockAutomatic: lock.automatic };
      const result = db.update(projects).set(row).where(and(eq(projects.id, id), isNull(projects.lockReason))).run();
      wrote(result);
      return result.changes > 0;
    },
    /** The display name follows the config's `project` (the id, used in URLs, stays). */
    rename(id: string, name: string): void {
      wrote();
      db.update(projects).set({ name }).where(eq(projects.id, id)).run();
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
