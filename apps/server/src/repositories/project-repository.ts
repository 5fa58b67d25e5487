// The only code that reads and writes the projects table.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { projects, type ProjectRow } from '../db/schema.js';

export type { ProjectRow };

export function createProjectRepository(db: Db) {
  // bumped on every write, so readers can cache what they built from this table
  let generation = 0;
  const set = async (id: string, row: Partial<typeof projects.$inferInsert>): Promise<void> => {
    generation++;
    await db.update(projects).set(row).where(eq(projects.id, id));
    generation++;
  };
  const first = async (where: ReturnType<typeof eq>): Promise<ProjectRow | undefined> => (await db.select().from(projects).where(where).limit(1))[0];
  return {
    generation: () => generation,
    async list(): Promise<ProjectRow[]> {
      return await db.select().from(projects).orderBy(projects.name);
    },
    get(id: string): Promise<ProjectRow | undefined> {
      return first(eq(projects.id, id));
    },
    findByDir(dir: string): Promise<ProjectRow | undefined> {
      return first(eq(projects.dir, dir));
    },
    async insert(row: typeof projects.$inferInsert): Promise<void> {
      await db.insert(projects).values(row);
    },
    setCurrentVersion(id: string, version: string | null): Promise<void> {
      return set(id, { currentVersion: version });
    },
    /** The repository's version, seen at plan time. */
    setPlannedVersion(id: string, current: string | null): Promise<void> {
      return set(id, { currentVersion: current });
    },
    /** What production runs, as core said (productionNow at a plan, production.changed after a run). */
    setProduction(id: string, production: { version: string | null; tag: string | null; commit: string | null; since: string | null } | null): Promise<void> {
      return set(id, { productionVersion: production?.version ?? null, productionTag: production?.tag ?? null, productionCommit: production?.commit ?? null, productionSince: production?.since ?? null });
    },
    /** Locks the project (promotes answer 423) or, with null, unlocks it. */
    setLock(id: string, lock: { reason: string; by: string; since: string; automatic: boolean } | null): Promise<void> {
      return set(id, { lockReason: lock?.reason ?? null, lockBy: lock?.by ?? null, lockSince: lock?.since ?? null, lockAutomatic: lock?.automatic ?? false });
    },
    /** Locks the project unless it is locked already (that lock, and who set it, stays): whether it locked it. */
    async lockIfUnlocked(id: string, lock: { reason: string; by: string; since: string; automatic: boolean }): Promise<boolean> {
      const row = { lockReason: lock.reason, lockBy: lock.by, lockSince: lock.since, lockAutomatic: lock.automatic };
      generation++;
      const locked = await db.update(projects).set(row).where(and(eq(projects.id, id), isNull(projects.lockReason))).returning({ id: projects.id });
      generation++;
      return locked.length > 0;
    },
    /** The display name follows the config's `project` (the id, used in URLs, stays). */
    rename(id: string, name: string): Promise<void> {
      return set(id, { name });
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
