// The only code that reads and writes the events table. Inserts come in batches.
import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { events, type EventRow } from '../db/schema.js';

export type { EventRow };

export function createEventRepository(db: Db) {
  const insertOne = db
    .insert(events)
    .values({
      releaseId: sql.placeholder('releaseId'),
      seq: sql.placeholder('seq'),
      at: sql.placeholder('at'),
      type: sql.placeholder('type'),
      data: sql.placeholder('data'),
    })
    .prepare();
  const insertMany = db.$client.transaction((rows: EventRow[]) => {
    for (const row of rows) insertOne.run(row);
  });

  return {
    /** One transaction for the whole batch. */
    insertBatch(rows: EventRow[]): void {
      if (rows.length > 0) insertMany(rows);
    },
    after(releaseId: string, seq: number, limit = 1_000_000): EventRow[] {
      return db
        .select()
        .from(events)
        .where(and(eq(events.releaseId, releaseId), gt(events.seq, seq)))
        .orderBy(asc(events.seq))
        .limit(limit)
        .all();
    },
    lastSeq(releaseId: string): number {
      const row = db.select({ last: max(events.seq) }).from(events).where(eq(events.releaseId, releaseId)).get();
      return row?.last ?? 0;
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
