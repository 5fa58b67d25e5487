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
    async insertBatch(rows: EventRow[]): Promise<void> {
      if (rows.length > 0) insertMany(rows);
    },
    async after(releaseId: string, seq: number, limit = 1_000_000): Promise<EventRow[]> {
      return await db
        .select()
        .from(events)
        .where(and(eq(events.releaseId, releaseId), gt(events.seq, seq)))
        .orderBy(asc(events.seq))
        .limit(limit);
    },
    /** A release's events of the given types, in order (not its log lines: the index reads the type). */
    async ofTypes(releaseId: string, types: readonly string[]): Promise<EventRow[]> {
      return await db
        .select()
        .from(events)
        .where(and(eq(events.releaseId, releaseId), inArray(events.type, [...types])))
        .orderBy(asc(events.seq));
    },
    async lastSeq(releaseId: string): Promise<number> {
      const [row] = await db.select({ last: max(events.seq) }).from(events).where(eq(events.releaseId, releaseId));
      return row?.last ?? 0;
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
