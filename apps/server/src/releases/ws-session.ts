// One WebSocket client's subscriptions (CONTRACT §5). Each subscription remembers the last
// seq it sent, so an event can never be sent twice, and replay + live leave no gap.
import type { WebSocket } from 'ws';
import type { Services } from '../services.js';
import type { Delivery } from './delivery.js';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
/** A client this far behind is disconnected; it reconnects with its last seq and misses nothing. */
const MAX_BUFFERED = 64 * 1024 * 1024;

interface Subscription {
  lastSeq: number;
  stop: () => void;
}

export class WsSession {
  private readonly releases = new Map<string, Subscription>();
  private topic: (() => void) | null = null;
  /** Messages are handled one after another, in the order they arrived. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly svc: Services,
    private readonly socket: WebSocket,
  ) {}

  onMessage(raw: unknown): void {
    this.queue = this.queue.then(() => this.handle(raw)).catch(() => this.error('internal', 'the server could not answer this message: try again'));
  }

  private async handle(raw: unknown): Promise<void> {
    if (this.closed) return;
    let message: { type?: unknown; releaseId?: unknown; topic?: unknown; after?: unknown; batch?: unknown };
    try {
      message = JSON.parse(String(raw)) as typeof message;
    } catch {
      return this.error('malformed_json', 'messages must be JSON');
    }
    if (message === null || typeof message !== 'object') return this.error('invalid_message', 'messages must be JSON objects');
    const { type, releaseId, topic } = message;
    if (type !== 'subscribe' && type !== 'unsubscribe') return this.error('invalid_message', 'type must be "subscribe" or "unsubscribe"');
    if (topic === 'releases') return type === 'subscribe' ? this.subscribeTopic() : this.stopTopic();
    if (typeof releaseId !== 'string' || !ID.test(releaseId)) return this.error('invalid_message', 'give a releaseId or topic: "releases"');
    if (type === 'unsubscribe') return this.stopRelease(releaseId);
    const after = message.after ?? 0;
    if (typeof after !== 'number' || !Number.isInteger(after) || after < 0) return this.error('invalid_message', 'after must be a whole number ≥ 0');
    if (!(await this.svc.releases.get(releaseId))) return this.error('not_found', `no release with id "${releaseId}"`);
    if (this.closed) return;
    await this.subscribeRelease(releaseId, after, message.batch === true);
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.releases.keys()]) this.stopRelease(id);
    this.stopTopic();
  }

  /** Settles once the replay was sent: the next message is handled after it. */
  private async subscribeRelease(releaseId: string, after: number, batch: boolean): Promise<void> {
    this.stopRelease(releaseId);
    this.send(Buffer.from(JSON.stringify({ type: 'subscribed', releaseId })));
    const subscription: Subscription = { lastSeq: after, stop: () => {} };
    this.releases.set(releaseId, subscription);
    const live = this.svc.eventLog.subscribe(releaseId, after, {
      deliver: (delivery: Delivery) => {
        const fresh = delivery.after(subscription.lastSeq);
        if (fresh.items.length === 0) return;
        subscription.lastSeq = fresh.lastSeq;
        if (batch) this.send(fresh.batchMessage());
        else this.sendFrames(fresh);
      },
      fail: () => {
        if (this.releases.get(releaseId) === subscription) this.releases.delete(releaseId);
        this.error('unavailable', `the events of ${releaseId} could not be read: subscribe again with your last seq`);
      },
    });
    subscription.stop = live.stop;
    await live.ready;
  }

  private subscribeTopic(): void {
    this.stopTopic();
    this.send(Buffer.from(JSON.stringify({ type: 'subscribed', topic: 'releases' })));
    this.topic = this.svc.eventLog.subscribeTopic({ deliver: (d) => d.messages().forEach((text) => this.send(text)) });
  }

  private stopRelease(releaseId: string): void {
    this.releases.get(releaseId)?.stop();
    this.releases.delete(releaseId);
  }

  private stopTopic(): void {
    this.topic?.();
    this.topic = null;
  }

  /** Text frames from UTF-8 bytes encoded once, shared by every subscriber. */
  private send(text: Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED) {
      this.socket.close(1013, 'too far behind: reconnect with your last seq');
      return;
    }
    this.socket.send(text, { binary: false });
  }

  /**
   * One write of pre-built frames, shared by every subscriber. Safe beside ws's own sender:
   * without permessage-deflate ws writes each frame synchronously and queues nothing, so
   * whole frames never interleave.
   */
  private sendFrames(delivery: Delivery): void {
    const raw = (this.socket as unknown as { _socket?: { write(data: Buffer): boolean } })._socket;
    if (!raw) return delivery.messages().forEach((text) => this.send(text));
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED) return void this.socket.close(1013, 'too far behind: reconnect with your last seq');
    raw.write(delivery.frames());
  }

  private error(error: string, message: string): void {
    this.send(Buffer.from(JSON.stringify({ type: 'error', error, message })));
  }
}
