// Numbers, persists and broadcasts release events. Events get their seq at once (the first
// event of a release waits for its last stored seq to be read), are written in one
// transaction per tick, then delivered to subscribers — flushes run one after another, so
// deliveries stay in seq order. A subscriber is registered before its replay is read from
// the database: an event is either stored before that read or delivered after registration,
// so nothing slips between replay and live, and each subscription drops any seq it already
// delivered (no gap, no duplicate).
// Step logs pass through a LogBudget first (head and tail kept, the middle counted), so what a
// release stores stays bounded however much its commands print.
import { isTerminalStatus, type ReleaseEvent } from '@shipgate/core';
import type { EventRepository } from '../repositories/event-repository.js';
import { Delivery, type EncodedEvent } from './delivery.js';
import { DEFAULT_LOG_LIMITS, LogBudget, type LogBudgetLimits } from './log-budget.js';

export interface ReleaseSubscriber {
  deliver(delivery: Delivery): void;
  /** The replay could not be read: the subscription has ended. */
  fail?(error: unknown): void;
}

export interface EventSubscription {
  stop(): void;
  /** Settles once the replay was delivered (or failed). */
  ready: Promise<void>;
}

const MAX_PENDING = 2_000;
/** Events wait at most this long: one transaction and one frame per subscriber per tick. */
const FLUSH_MS = 15;

type Unnumbered = Omit<EncodedEvent, 'seq'>;

export class EventLog {
  private readonly seqs = new Map<string, number>();
  /** Events of a release whose last stored seq is being read. */
  private readonly backlog = new Map<string, Unnumbered[]>();
  private readonly loading = new Map<string, Promise<void>>();
  private pending: EncodedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
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
    for (const e of admitted) this.store(releaseId, { releaseId, at: this.isoNow(), type: e.type, data: JSON.stringify(e) });
    if (event.type === 'release.status' && isTerminalStatus(event.status)) this.budgets.delete(releaseId);
  }

  /** A release just created: its events start at 1 (no need to ask the database). */
  begin(releaseId: string): void {
    if (!this.seqs.has(releaseId) && !this.loading.has(releaseId)) this.seqs.set(releaseId, 0);
  }

  private store(releaseId: string, event: Unnumbered): void {
    const last = this.seqs.get(releaseId);
    if (last === undefined) {
      const waiting = this.backlog.get(releaseId);
      if (waiting) waiting.push(event);
      else this.backlog.set(releaseId, [event]);
      this.load(releaseId);
      return;
    }
    this.seqs.set(releaseId, last + 1);
    this.pending.push({ ...event, seq: last + 1 });
    if (this.pending.length >= MAX_PENDING) void this.flush();
    else this.scheduled ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  private load(releaseId: string): void {
    if (this.loading.has(releaseId)) return;
    const done = this.repo.lastSeq(releaseId).then(
      (seq) => {
        this.loading.delete(releaseId);
        this.seqs.set(releaseId, seq);
        const waiting = this.backlog.get(releaseId) ?? [];
        this.backlog.delete(releaseId);
        for (const event of waiting) this.store(releaseId, event);
      },
      (error: unknown) => {
        // without the last seq nothing can be numbered: these events are lost, and said so
        this.loading.delete(releaseId);
        this.backlog.delete(releaseId);
        this.onError(error);
      },
    );
    this.loading.set(releaseId, done);
  }

  /** The last seq given out for this release (read from the database the first time). */
  async lastSeq(releaseId: string): Promise<number> {
    const known = this.seqs.get(releaseId);
    if (known !== undefined) return known;
    this.load(releaseId);
    await this.loading.get(releaseId);
    return this.seqs.get(releaseId) ?? 0;
  }

  /** Stores everything appended so far and delivers it; settles when that is done. */
  flush(): Promise<void> {
    if (this.loading.size > 0) return Promise.all(this.loading.values()).then(() => this.flush());
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    if (batch.length === 0) return this.flushing;
    this.pending = [];
    this.flushing = this.flushing.then(async () => {
      try {
        await this.repo.insertBatch(batch);
      } catch (error) {
        this.onError(error);
      }
      this.deliver(batch);
    });
    return this.flushing;
  }

  private deliver(batch: EncodedEvent[]): void {
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

  /** Replays everything stored after `after`, then delivers live events, each seq once, in order. */
  subscribe(releaseId: string, after: number, subscriber: ReleaseSubscriber): EventSubscription {
    let last = after;
    let held: Delivery[] | null = [];
    let stopped = false;
    const pass = (delivery: Delivery): void => {
      const fresh = delivery.after(last);
      if (fresh.items.length === 0) return;
      last = fresh.lastSeq;
      subscriber.deliver(fresh);
    };
    const live: ReleaseSubscriber = { deliver: (d) => (held ? held.push(d) : pass(d)) };
    let set = this.subscribers.get(releaseId);
    if (!set) this.subscribers.set(releaseId, (set = new Set()));
    set.add(live);
    const stop = (): void => {
      stopped = true;
      set.delete(live);
      if (set.size === 0 && this.subscribers.get(releaseId) === set) this.subscribers.delete(releaseId);
    };
    const ready = this.repo.after(releaseId, after).then(
      (rows) => {
        if (stopped) return;
        const replay = held ?? [];
        held = null;
        if (rows.length > 0) this.safely(() => pass(new Delivery(releaseId, rows.map((row) => ({ ...row })))));
        for (const d of replay) this.safely(() => pass(d));
      },
      (error: unknown) => {
        stop();
        this.onError(error);
        subscriber.fail?.(error);
      },
    );
    return { stop, ready };
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
