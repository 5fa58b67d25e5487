// The only code that reads and writes approval_requests and approvals (CONTRACT §7). Async
// like every repository after the PostgreSQL work: callers await.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { approvalRequests, approvals, type ApprovalRequestRow, type ApprovalRow } from '../db/schema.js';
import { isUniqueViolation } from './release-repository.js';

export type { ApprovalRequestRow, ApprovalRow };
export type NewApprovalRequest = typeof approvalRequests.$inferInsert;

/** A release's approval request and every decision on it, oldest first. */
export interface ApprovalState {
  request: ApprovalRequestRow;
  decisions: ApprovalRow[];
}

export function createApprovalRepository(db: Db) {
  // bumped on every write, so readers can cache what they built from these tables
  let generation = 0;
  const wrote = <T>(value: T): T => {
    generation++;
    return value;
  };

  return {
    generation: () => generation,
    /** The approval state of each release that was promoted with approvals required. */
    async statesOf(releaseIds: readonly string[]): Promise<Map<string, ApprovalState>> {
      const states = new Map<string, ApprovalState>();
      if (releaseIds.length === 0) return states;
      const requests = db.select().from(approvalRequests).where(inArray(approvalRequests.releaseId, [...releaseIds])).all();
      if (requests.length === 0) return states;
      for (const request of requests) states.set(request.releaseId, { request, decisions: [] });
      const rows = db.select().from(approvals).where(inArray(approvals.releaseId, [...states.keys()])).orderBy(asc(approvals.id)).all();
      for (const row of rows) states.get(row.releaseId)?.decisions.push(row);
      return states;
    },
    async stateOf(releaseId: string): Promise<ApprovalState | undefined> {
      return (await this.statesOf([releaseId])).get(releaseId);
    },
    /**
     * Records an approval for the release's current plan; false when this person's approval
     * already counts (the partial unique index decides, so two requests at once cannot both count).
     */
    async approve(row: Omit<typeof approvals.$inferInsert, 'id' | 'decision' | 'voidReason'>): Promise<boolean> {
      try {
        db.insert(approvals)
          .values({ ...row, decision: 'approve' })
          .run();
        return wrote(true);
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async reject(row: Omit<typeof approvals.$inferInsert, 'id' | 'decision' | 'voidReason'>): Promise<void> {
      wrote(
        db
          .insert(approvals)
          .values({ ...row, decision: 'reject' })
          .run(),
      );
    },
    /**
     * Main moved before the last approval: the release was planned again from `commit`. Every
     * approval that counted stops counting (its row stays, with why), in one transaction.
     */
    async replan(releaseId: string, replan: { commit: string; plannedAt: string; note: string; voidReason: string }): Promise<void> {
      db.transaction((tx) => {
        tx.update(approvals)
          .set({ voidReason: replan.voidReason })
          .where(and(eq(approvals.releaseId, releaseId), eq(approvals.decision, 'approve'), isNull(approvals.voidReason)))
          .run();
        tx.update(approvalRequests).set({ commit: replan.commit, plannedAt: replan.plannedAt, replanned: replan.note }).where(eq(approvalRequests.releaseId, releaseId)).run();
      });
      wrote(undefined);
    },
  };
}

/** Inserts the request inside the transaction that inserts its release (release-repository's insert). */
export function insertApprovalRequest(tx: Pick<Db, 'insert'>, row: NewApprovalRequest): void {
  tx.insert(approvalRequests).values(row).run();
}

export type ApprovalRepository = ReturnType<typeof createApprovalRepository>;
