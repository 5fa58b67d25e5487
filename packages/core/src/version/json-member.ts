// Finds where a top-level member's value sits in JSON text, so it can be rewritten in place
// without re-serialising (JSON.parse/stringify would reflow `"keywords": ["shop",   "web"]`).

export interface ValueSpan {
  /** Offset of the value's first character (the opening quote of a string). */
  start: number;
  /** Offset just past the value. */
  end: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The span of `key`'s value in the top-level object (the last one wins, as in JSON.parse). */
export function findTopLevelMember(text: string, key: string): ValueSpan | null {
  return findMember(text, [key]);
}

/** The span of the value at `path` (`["packages", "", "version"]`) through nested objects, or null. */
export function findMember(text: string, path: readonly string[]): ValueSpan | null {
  const scanner = new Scanner(text);
  scanner.skipWhitespace();
  if (text[scanner.pos] !== '{') throw new JsonSyntaxError('expected a JSON object', scanner.pos);
  const found = scanner.find(path);
  scanner.skipWhitespace();
  if (scanner.pos < text.length) throw new JsonSyntaxError('unexpected text after the JSON object', scanner.pos);
  return found;
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  skipWhitespace(): void {
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  value(): ValueSpan {
    this.skipWhitespace();
    const start = this.pos;
    const char = this.text[start];
    if (char === '{') this.object(() => undefined);
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else this.literal();
    return { start, end: this.pos };
  }

  /** In the object at pos: the span at `path` (the last duplicate wins); everything else is skipped. */
  find(path: readonly string[]): ValueSpan | null {
    let found: ValueSpan | null = null;
    const [key, ...rest] = path;
    this.object((name) => {
      if (name !== key) return undefined;
      if (rest.length === 0) return (span) => (found = span);
      this.skipWhitespace();
      if (this.text[this.pos] !== '{') return undefined;
      found = this.find(rest); // as in JSON.parse, a later duplicate replaces the whole object
      return 'consumed';
    });
    return found;
  }

  /**
   * Walks the members of the object at pos. `onMember` sees each name before its value and may
   * return a callback for the value's span, or 'consumed' when it has read the value itself.
   */
  object(onMember: (name: string) => ((span: ValueSpan) => void) | 'consumed' | undefined): void {
    this.pos += 1; // {
    this.skipWhitespace();
    if (this.text[this.pos] === '}') return void (this.pos += 1);
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') throw new JsonSyntaxError('expected a "key"', this.pos);
      const nameStart = this.pos;
      this.string();
      const name = JSON.parse(this.text.slice(nameStart, this.pos)) as string;
      this.skipWhitespace();
      this.expect(':');
      const handle = onMember(name);
      if (handle !== 'consumed') {
        const span = this.value();
        handle?.(span);
      }
      if (this.separator('}')) return;
    }
  }

  private array(): void {
    this.pos += 1; // [
    this.skipWhitespace();
    if (this.text[this.pos] === ']') return void (this.pos += 1);
    for (;;) {
      this.value();
      if (this.separator(']')) return;
    }
  }

  /** After a member or element: true at the closing bracket, false after a comma. */
  private separator(close: string): boolean {
    this.skipWhitespace();
    const char = this.text[this.pos];
    this.pos += 1;
    if (char === close) return true;
    if (char === ',') return false;
    throw new JsonSyntaxError(`expected "," or "${close}"`, this.pos - 1);
  }

  private string(): void {
    const match = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    match.lastIndex = this.pos;
    if (!match.exec(this.text)) throw new JsonSyntaxError('malformed string', this.pos);
    this.pos = match.lastIndex;
  }

  private literal(): void {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    match.lastIndex = this.pos;
    if (!match.exec(this.text)) throw new JsonSyntaxError('expected a JSON value', this.pos);
    this.pos = match.lastIndex;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) throw new JsonSyntaxError(`expected "${char}"`, this.pos);
    this.pos += 1;
  }
}
