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
  private framed: Buffer | null = null;
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

  /** messages() as back-to-back WebSocket text frames: one socket write per subscriber. */
  frames(): Buffer {
    this.framed ??= Buffer.concat(this.messages().flatMap((m) => [textFrameHeader(m.length), m]));
    return this.framed;
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

/** RFC 6455 §5.2 header of an unmasked, final text frame (servers never mask). */
export function textFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x81, length]);
  if (length < 65_536) return Buffer.from([0x81, 126, length >> 8, length & 0xff]);
  const header = Buffer.alloc(10);
  header[0] = 0x81;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}
