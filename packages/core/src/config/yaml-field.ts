// A located view of one node of a parsed YAML file: every value the config parser reads
// knows its dotted path and its line:column, so every mistake can be reported exactly.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ShipgateError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter | null;
}

/** Parses YAML keeping node ranges; a syntax error is CONFIG_INVALID at the parser's position. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    throw new ShipgateError('CONFIG_INVALID', `invalid YAML: ${error.message.split(' at line ')[0]!.split('\n')[0]}`, {
      file,
      ...(position ? { line: position.line, column: position.col } : {}),
      hint: 'fix the YAML syntax at this position (indentation, quotes, a missing ":" or "]")',
    });
  }
  return { file, doc, lines };
}

/** What a node holds, for messages: `"text"`, `-5`, `a list`, `a map`, `nothing`. */
export function describeNode(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return node.items.length ? 'a map' : 'an empty map';
  if (isSeq(node)) return node.items.length ? 'a list' : 'an empty list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return 'nothing';
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return 'an unsupported value';
}

export class YamlField {
  constructor(
    readonly src: YamlSource,
    /** Dotted path: `deploy.provider`, `health.checks[2].url` ('' for the root). */
    readonly path: string,
    /** The value node; null when the key is absent. */
    readonly node: Node | null,
    /** Where to point when the value is absent (the key or the enclosing map). */
    readonly anchor: Node | null,
  ) {}

  static root(src: YamlSource): YamlField {
    const contents = src.doc.contents as Node | null;
    return new YamlField(src, '', contents, contents);
  }

  /** Absent, or present with an empty value (`key:`): both mean "use the default". */
  get isAbsent(): boolean {
    return this.node === null || (isScalar(this.node) && (this.node.value === null || this.node.value === undefined));
  }

  /** The plain JS value of a scalar node (undefined when absent or not a scalar). */
  get scalar(): unknown {
    return this.node && isScalar(this.node) ? this.node.value : undefined;
  }

  child(key: string, node: Node | null, keyNode: Node | null): YamlField {
    return new YamlField(this.src, this.path ? `${this.path}.${key}` : key, resolve(this.src, node), keyNode ?? this.anchor);
  }

  item(index: number, node: Node | null): YamlField {
    const resolved = resolve(this.src, node);
    return new YamlField(this.src, `${this.path}[${index}]`, resolved, resolved ?? this.anchor);
  }

  /** Throws CONFIG_INVALID at this value (or, when absent, at its key / enclosing map). */
  fail(message: string, hint?: string, at: Node | null = this.node ?? this.anchor): never {
    const offset = at?.range?.[0];
    const position = offset === undefined || !this.src.lines ? undefined : this.src.lines.linePos(offset);
    throw new ShipgateError('CONFIG_INVALID', message, {
      file: this.src.file,
      ...(position ? { line: position.line, column: position.col } : {}),
      ...(this.path ? { field: this.path } : {}),
      ...(hint ? { hint } : {}),
    });
  }

  /** `expected X, found Y` at this value. */
  expected(what: string, hint?: string): never {
    // every error says what to do next: by default, put the expected kind of value here
    return this.fail(`expected ${what}, found ${describeNode(this.node)}`, hint ?? (this.path ? `write ${what} for ${this.path}, or remove it to use the default` : `write ${what}`));
  }

  /** `unknown <noun> "x" (known: a, b, c)` with a did-you-mean hint for typos. */
  unknownName(noun: string, value: string, known: readonly string[], hint?: string): never {
    const guess = didYouMean(value, known);
    return this.fail(`unknown ${noun} ${JSON.stringify(value)} (known: ${known.join(', ')})`, guess ? `did you mean "${guess}"?` : hint);
  }
}

function resolve(src: YamlSource, node: Node | null): Node | null {
  if (node && isAlias(node)) return (node.resolve(src.doc) as Node | undefined) ?? null;
  return node;
}
