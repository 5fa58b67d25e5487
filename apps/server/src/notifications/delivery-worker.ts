// Works the deliveries table in the background: takes due deliveries (a conditional claim, so a
// delivery is sent by one worker), makes ONE attempt each, and writes the outcome with the next
// attempt's time (backoff) or the final status. Nothing waits for it: a dead receiver costs a
// timer and a socket, never a release's time. Pending deliveries survive a restart: start()
// picks them up, and one cut off mid-attempt is tried again with the same delivery id.
import type { ServiceLog } from '../services.js';
import type { DeliveryRepository, DeliveryRow } from '../repositories/delivery-repository.js';
import type { NotificationTarget } from '../settings/server-settings.js';
import { deliverWebhook } from './deliver-webhook.js';

export interface DeliveryWorkerOptions {
  deliveries: DeliveryRepository;
  /** The targets configured now for a delivery's project (the row names one). */
  targetOf: (row: DeliveryRow) => Promise<NotificationTarget | null>;
  log: ServiceLog;
  /** Waits after each failed attempt; attempts = length + 1. Default 10 s, 1 min, 5 min (4 attempts). */
  backoffMs?: readonly number[];
  /** One attempt's time limit (connect + answer). Default 10 s. */
  timeoutMs?: number;
  clock?: () => Date;
}

const BATCH = 20;
/** Finished deliveries are kept this long for the log. */
const KEEP_MS = 30 * 24 * 3600_000;
const MAX_IN_FLIGHT = 8;
const MAX_TIMER = 2 ** 31 - 1;

export class DeliveryWorker {
  private stopped = true;
  private ticking = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  private readonly backoff: readonly number[];
  private readonly now: () => Date;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.backoff = options.backoffMs ?? [10_000, 60_000, 300_000];
    this.now = options.clock ?? (() => new Date());
  }

  get maxAttempts(): number {
    return this.backoff.length + 1;
  }

  async start(): Promise<void> {
    this.stopped = false;
    const requeued = await this.options.deliveries.requeueSending(this.now().toISOString());
    if (requeued > 0) this.options.log.warn({ requeued }, 'deliveries cut off by the last stop are sent again');
    await this.options.deliveries.prune(new Date(this.now().getTime() - KEEP_MS).toISOString());
    this.wake();
  }

  /** Stops taking work; attempts under way are cut off and stay queued for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const { abort } of this.inFlight.values()) abort.abort();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  /** Something was queued or became due: look now (coalesced with a look under way). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.min(Math.max(ms, 0), MAX_TIMER));
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      do {
        this.again = false;
        const room = MAX_IN_FLIGHT - this.inFlight.size;
        if (room <= 0) break;
        for (const row of await this.options.deliveries.due(this.now().toISOString(), Math.min(room, BATCH))) {
          if (this.stopped || this.inFlight.has(row.id)) continue;
          if (await this.options.deliveries.claim(row.id)) this.send(row);
        }
      } while (this.again && !this.stopped);
      const next = await this.options.deliveries.nextDueAt();
      if (next !== null && !this.stopped && this.inFlight.size < MAX_IN_FLIGHT) this.schedule(Date.parse(next) - this.now().getTime());
    } catch (error) {
      this.options.log.error({ err: error }, 'the delivery queue could not be read; trying again in a minute');
      if (!this.stopped) this.schedule(60_000);
    } finally {
      this.ticking = false;
    }
  }

  private send(row: DeliveryRow): void {
    const abort = new AbortController();
    const done = this.attempt(row, abort.signal)
      .catch((error: unknown) => this.options.log.error({ err: error, delivery: row.id }, 'could not record a delivery attempt'))
      .finally(() => {
        this.inFlight.delete(row.id);
        this.wake();
      });
    this.inFlight.set(row.id, { done, abort });
  }

  private async attempt(row: DeliveryRow, signal: AbortSignal): Promise<void> {
    const target = await this.options.targetOf(row);
    const attempts = row.attempts + 1;
    const at = this.now().toISOString();
    if (!target) {
      await this.options.deliveries.recordAttempt(row.id, attempts, { at, ok: false, status: null, error: `no target named "${row.targetName}" in the settings any more`, nextAttemptAt: null });
      return;
    }
    const secret = target.kind === 'webhook' ? target.secret : null;
    const outcome = await deliverWebhook({ url: target.url, secret }, row.type, JSON.parse(row.body), { backoffMs: [], id: row.id, signal, ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}) });
    if (signal.aborted) return; // stopped: the row stays "sending" and start() queues it again
    const last = outcome.attempts.at(-1);
    const error = outcome.ok ? null : hideUrl(outcome.lastError ?? 'not delivered', target.url, target.name);
    const wait = this.backoff[attempts - 1];
    const nextAttemptAt = outcome.ok || wait === undefined ? null : new Date(this.now().getTime() + wait).toISOString();
    await this.options.deliveries.recordAttempt(row.id, attempts, { at, ok: outcome.ok, status: last?.status ?? null, error, nextAttemptAt });
    const about = { delivery: row.id, type: row.type, target: row.targetName, attempt: attempts };
    if (outcome.ok) this.options.log.info(about, 'notification delivered');
    else this.options.log.warn({ ...about, error }, nextAttemptAt ? 'notification not delivered; trying again later' : 'notification not delivered; giving up');
  }
}

/** A Slack URL is a secret: an error that quotes it says the target's name instead. */
function hideUrl(text: string, url: string, name: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  let out = text.split(url).join(`<${name}>`);
  if (parsed && parsed.pathname.length > 1) out = out.split(parsed.pathname).join('/…');
  return out;
}
