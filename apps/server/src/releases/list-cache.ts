// Remembers serialized answers (UTF-8 bytes, ready to write) for as long as the data they came from is unchanged: the key
// carries the repository's write generation, so any write makes every old entry unreachable.
export class ListCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(private readonly size = 64) {}

  get(key: string): Buffer | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: Buffer): void {
    if (this.entries.size >= this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }
}
