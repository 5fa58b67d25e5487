// The only code that reads and writes the projects table.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { projects, type ProjectRow } from '../db/schema.js';

export type { ProjectRow };

export function createProjectRepository(db: Db) {
  return {
    list(): ProjectRow[] {
      return db.select().from(projects).orderBy(projects.name).all();
    },
    get(id: string): ProjectRow | undefined {
      return db.select().from(projects).where(eq(projects.id, id)).get();
    },
    findByDir(dir: string): ProjectRow | undefined {
      return db.select().from(projects).where(eq(projects.dir, dir)).get();
    },
    insert(row: ProjectRow): void {
      db.insert(projects).values(row).run();
    },
    setCurrentVersion(id: string, version: string | null): void {
      db.update(projects).set({ currentVersion: version }).where(eq(projects.id, id)).run();
    },
    /** Versions seen at plan time: in the repository, and in production (null: git cannot tell). */
    setPlannedVersions(id: string, current: string | null, production: string | null): void {
      db.update(projects).set({ currentVersion: current, productionVersion: production }).where(eq(projects.id, id)).run();
    },
    /** The display name follows the config's `project` (the id, used in URLs, stays). */
    rename(id: string, name: string): void {
      db.update(projects).set({ name }).where(eq(projects.id, id)).run();
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
