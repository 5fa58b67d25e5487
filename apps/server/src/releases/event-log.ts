// Numbers, persists and broadcasts release events. Events get their seq at once, are written
// in one transaction per tick, then delivered to subscribers. Subscribing replays from the
// database and the unflushed tail synchronously (better-sqlite3 is synchronous), so nothing
// can slip between replay and live: no gap, and subscribers drop any seq they already have.
// Step logs pass through a LogBudget first (head and tail kept, the middle counted), so what a
// release stores stays bounded however much its commands print.
import { isTerminalStatus, type ReleaseEvent } from '@shipgate/core';
import type { EventRepository } from '../repositories/event-repository.js';
import { Delivery, type EncodedEvent } from './delivery.js';
import { DEFAULT_LOG_LIMITS, LogBudget, type LogBudgetLimits } from './log-budget.js';

export interface ReleaseSubscriber {
  deliver(delivery: Delivery): void;
}

const MAX_PENDING = 2_000;
/** Events wait at most this long: one transaction and one frame per subscriber per tick. */
const FLUSH_MS = 15;

export class EventLog {
  private readonly seqs = new Map<string, number>();
  private pending: EncodedEvent[] = [];
  private readonly subscribers = new Map<string, Set<ReleaseSubscriber>>();
  private readonly topic = new Set<ReleaseSubscriber>();
  private scheduled: NodeJS.Timeout | null = null;
  private readonly budgets = new Map<string, LogBudget>();

  constructor(
    private readonly repo: EventRepository,
    private readonly onError: (error: unknown) => void,
    private readonly logLimits: LogBudgetLimits = DEFAULT_LOG_LIMITS,
  ) {}

  /** Records an event (a log line may be held back or dropped by the release's log budget). */
  append(releaseId: string, event: ReleaseEvent): void {
    let budget = this.budgets.get(releaseId);
    if (!budget && event.type === 'step.log') this.budgets.set(releaseId, (budget = new LogBudget(this.logLimits)));
    const admitted = budget ? budget.admit(event) : [event];
    for (const e of admitted) this.store(releaseId, e);
    if (event.type === 'release.status' && isTerminalStatus(event.status)) this.budgets.delete(releaseId);
  }

  private store(releaseId: string, event: ReleaseEvent): EncodedEvent {
    const seq = this.lastSeq(releaseId) + 1;
    this.seqs.set(releaseId, seq);
    const encoded = { releaseId, seq, at: this.isoNow(), type: event.type, data: JSON.stringify(event) };
    this.pending.push(encoded);
    if (this.pending.length >= MAX_PENDING) this.flush();
    else this.scheduled ??= setTimeout(() => this.flush(), FLUSH_MS);
    return encoded;
  }

  lastSeq(releaseId: string): number {
    let seq = this.seqs.get(releaseId);
    if (seq === undefined) {
      seq = this.repo.lastSeq(releaseId);
      this.seqs.set(releaseId, seq);
    }
    return seq;
  }

  flush(): void {
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.repo.insertBatch(batch);
    } catch (error) {
      this.onError(error);
    }
    const byRelease = new Map<string, EncodedEvent[]>();
    for (const event of batch) {
      const list = byRelease.get(event.releaseId);
      if (list) list.push(event);
      else byRelease.set(event.releaseId, [event]);
    }
    for (const [releaseId, items] of byRelease) {
      const delivery = new Delivery(releaseId, items);
      for (const subscriber of this.subscribers.get(releaseId) ?? []) this.safely(() => subscriber.deliver(delivery));
      if (this.topic.size === 0) continue;
      const statuses = items.filter((e) => e.type === 'release.status');
      if (statuses.length === 0) continue;
      const statusDelivery = new Delivery(releaseId, statuses);
      for (const subscriber of this.topic) this.safely(() => subscriber.deliver(statusDelivery));
    }
  }

  /** Replays everything after `after`, then delivers live events; returns unsubscribe. */
  subscribe(releaseId: string, after: number, subscriber: ReleaseSubscriber): () => void {
    const stored: EncodedEvent[] = this.repo.after(releaseId, after).map((row) => ({ ...row }));
    const last = stored.at(-1)?.seq ?? after;
    const tail = this.pending.filter((e) => e.releaseId === releaseId && e.seq > last);
    const replay = [...stored, ...tail];
    if (replay.length > 0) subscriber.deliver(new Delivery(releaseId, replay));
    let set = this.subscribers.get(releaseId);
    if (!set) this.subscribers.set(releaseId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(releaseId) === set) this.subscribers.delete(releaseId);
    };
  }

  /** Status changes of every release, live only. */
  subscribeTopic(subscriber: ReleaseSubscriber): () => void {
    this.topic.add(subscriber);
    return () => this.topic.delete(subscriber);
  }

  private lastMs = 0;
  private lastIso = '';
  /** Log lines arrive thousands per millisecond: format each millisecond once. */
  private isoNow(): string {
    const ms = Date.now();
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.onError(error);
    }
  }
}
