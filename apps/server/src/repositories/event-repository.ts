// The only code that reads and writes the events table. Inserts come in batches.
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { events, type EventRow } from '../db/schema.js';

export type { EventRow };

export function createEventRepository(db: Db) {
  // the hot path (tens of thousands of log lines a second): one raw prepared statement,
  // bound positionally, costs a third of drizzle's per-row query building
  const insertOne = db.$client.prepare('insert into events (release_id, seq, at, type, data) values (?, ?, ?, ?, ?)');
  const insertMany = db.$client.transaction((rows: EventRow[]) => {
    for (const r of rows) insertOne.run(r.releaseId, r.seq, r.at, r.type, r.data);
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
    /** A release's events of the given types, in order (not its log lines: the index reads the type). */
    ofTypes(releaseId: string, types: readonly string[]): EventRow[] {
      return db
        .select()
        .from(events)
        .where(and(eq(events.releaseId, releaseId), inArray(events.type, [...types])))
        .orderBy(asc(events.seq))
        .all();
    },
    lastSeq(releaseId: string): number {
      const row = db.select({ last: max(events.seq) }).from(events).where(eq(events.releaseId, releaseId)).get();
      return row?.last ?? 0;
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
