// A run of consecutive events of one release, encoded once for every subscriber.
export interface EncodedEvent {
  releaseId: string;
  seq: number;
  at: string;
  type: string;
  /** The ReleaseEvent as JSON text. */
  data: string;
}

export class Delivery {
  private single: Buffer[] | null = null;
  private batch: Buffer | null = null;

  constructor(
    readonly releaseId: string,
    readonly items: readonly EncodedEvent[],
  ) {}

  get firstSeq(): number {
    return this.items[0]?.seq ?? 0;
  }

  get lastSeq(): number {
    return this.items.at(-1)?.seq ?? 0;
  }

  /** The items after `seq` (this delivery itself when nothing is dropped). */
  after(seq: number): Delivery {
    return seq < this.firstSeq ? this : new Delivery(this.releaseId, this.items.filter((e) => e.seq > seq));
  }

  /** One `{ type: "event" }` message per event (CONTRACT §5), UTF-8 encoded once for all subscribers. */
  messages(): Buffer[] {
    const id = JSON.stringify(this.releaseId);
    this.single ??= this.items.map((e) => Buffer.from(`{"type":"event","releaseId":${id},"seq":${e.seq},"at":"${e.at}","event":${e.data}}`));
    return this.single;
  }

  /** One `{ type: "events", items }` message for the whole run. */
  batchMessage(): Buffer {
    if (this.batch === null) {
      const items = this.items.map((e) => `{"seq":${e.seq},"at":"${e.at}","event":${e.data}}`).join(',');
      this.batch = Buffer.from(`{"type":"events","releaseId":${JSON.stringify(this.releaseId)},"items":[${items}]}`);
    }
    return this.batch;
  }
}
