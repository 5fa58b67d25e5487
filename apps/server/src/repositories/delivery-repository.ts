// The only code that reads and writes the deliveries table (async, like every repository).
// A claim is a conditional update, so two workers never send the same attempt.
import { and, asc, desc, eq, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { deliveries, type DeliveryRow } from '../db/schema.js';

export type { DeliveryRow };
export type NewDelivery = typeof deliveries.$inferInsert;

export interface AttemptResult {
  at: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  /** When to try again; null: no more attempts (delivered, or given up). */
  nextAttemptAt: string | null;
}

export function createDeliveryRepository(db: Db) {
  return {
    async insert(rows: NewDelivery[]): Promise<void> {
      if (rows.length > 0) await db.insert(deliveries).values(rows);
    },
    async get(id: string): Promise<DeliveryRow | undefined> {
      return (await db.select().from(deliveries).where(eq(deliveries.id, id)).limit(1))[0];
    },
    /** Newest first. */
    async listForProject(projectId: string, limit: number): Promise<DeliveryRow[]> {
      return await db.select().from(deliveries).where(eq(deliveries.projectId, projectId)).orderBy(desc(deliveries.createdAt), desc(deliveries.id)).limit(limit);
    },
    /** Pending deliveries whose next attempt is due, oldest first. */
    async due(now: string, limit: number): Promise<DeliveryRow[]> {
      return await db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
        .orderBy(asc(deliveries.nextAttemptAt))
        .limit(limit);
    },
    /** When the next pending attempt is due, or null when nothing is pending. */
    async nextDueAt(): Promise<string | null> {
      const [row] = await db.select({ at: deliveries.nextAttemptAt }).from(deliveries).where(eq(deliveries.status, 'pending')).orderBy(asc(deliveries.nextAttemptAt)).limit(1);
      return row?.at ?? null;
    },
    /** pending → sending; false when another worker took it (or it is no longer pending). */
    async claim(id: string): Promise<boolean> {
      const taken = await db.update(deliveries).set({ status: 'sending' }).where(and(eq(deliveries.id, id), eq(deliveries.status, 'pending'))).returning({ id: deliveries.id });
      return taken.length === 1;
    },
    async recordAttempt(id: string, attempts: number, result: AttemptResult): Promise<void> {
      const status = result.ok ? 'delivered' : result.nextAttemptAt === null ? 'failed' : 'pending';
      await db
        .update(deliveries)
        .set({ status, attempts, lastAttemptAt: result.at, lastStatus: result.status, lastError: result.error, nextAttemptAt: result.nextAttemptAt })
        .where(eq(deliveries.id, id));
    },
    /** At start: an attempt cut off by a stop or a crash is tried again (same delivery id: receivers can tell). */
    async requeueSending(now: string): Promise<number> {
      const rows = await db.update(deliveries).set({ status: 'pending', nextAttemptAt: now }).where(eq(deliveries.status, 'sending')).returning({ id: deliveries.id });
      return rows.length;
    },
    /** Forgets finished deliveries created before `before` (the log keeps a bounded past). */
    async prune(before: string): Promise<number> {
      const rows = await db.delete(deliveries).where(and(inArray(deliveries.status, ['delivered', 'failed']), lt(deliveries.createdAt, before))).returning({ id: deliveries.id });
      return rows.length;
    },
    /** "Send again": a delivered or failed delivery is queued once more, with fresh attempts. */
    async requeue(id: string, now: string): Promise<boolean> {
      const rows = await db
        .update(deliveries)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
        .where(and(eq(deliveries.id, id), inArray(deliveries.status, ['delivered', 'failed'])))
        .returning({ id: deliveries.id });
      return rows.length === 1;
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
