// A parsed state.yaml with located lookups. Values come back as text the way they are
// written: `2026-11-20T14:55:00Z` stays that ISO text (never a reformatted Date).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import type { FieldPath } from './state-spellings.js';

export type StateValue = string | number | boolean | null;

export type ParsedState =
  | { ok: true; doc: Document; lines: LineCounter }
  | { ok: false; line?: number; column?: number; reason: string };

export function parseState(text: string): ParsedState {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    return { ok: false, ...(position ? { line: position.line, column: position.col } : {}), reason: error.message.split(' at line ')[0]!.split('\n')[0]! };
  }
  const contents = doc.contents as Node | null;
  if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    return { ok: false, line: 1, column: 1, reason: 'expected a map of fields at the top level' };
  }
  return { ok: true, doc, lines };
}

/** The scalar at path, or undefined when the path (or any map on the way) is missing. */
export function lookup(doc: Document, path: FieldPath): StateValue | undefined {
  const node = nodeAt(doc, path);
  if (!node || !isScalar(node)) return undefined;
  return scalarValue(node.value);
}

/** True when a map exists at path. */
export function hasMap(doc: Document, path: FieldPath): boolean {
  const node = nodeAt(doc, path);
  return !!node && isMap(node);
}

/**
 * The node at path, following aliases (`*approved`) and merge keys (`<<: *defaults`) the way
 * a YAML reader of the file would: a map's own keys win over merged ones.
 */
function nodeAt(doc: Document, path: FieldPath): Node | undefined {
  let node = resolved(doc, doc.contents as Node | null);
  for (const key of path) {
    if (!node || !isMap(node)) return undefined;
    node = resolved(doc, valueOf(doc, node, key, 0));
  }
  return node;
}

function valueOf(doc: Document, map: YAMLMap, key: string, depth: number): Node | null | undefined {
  const merges: Node[] = [];
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? pair.key.value : pair.key;
    if (name === key) return pair.value as Node | null;
    if (name === '<<' && pair.value) merges.push(pair.value as Node);
  }
  if (depth > 20) return undefined; // a merge cycle: the parser reports it, we stop looking
  for (const merge of merges) {
    const source = resolved(doc, merge);
    const maps = source && isSeq(source) ? source.items.map((item) => resolved(doc, item as Node)) : [source];
    for (const candidate of maps) {
      const value = candidate && isMap(candidate) ? valueOf(doc, candidate, key, depth + 1) : undefined;
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

function resolved(doc: Document, node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  for (let hops = 0; current && isAlias(current) && hops < 20; hops++) current = (current as Alias).resolve(doc) as Node | undefined;
  return current && isAlias(current) ? undefined : current;
}

/** The first of keys under path that holds a value, as text. */
export function firstText(doc: Document, path: FieldPath, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = lookup(doc, [...path, key]);
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  }
  return undefined;
}

function scalarValue(value: unknown): StateValue {
  // Only YAML 1.1 documents (or an explicit !!timestamp) give Dates; print them the ISO way.
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** "approved", " Approved " → "approved" (statuses are compared this way). */
export function normalized(value: StateValue | undefined): string {
  return value === undefined || value === null ? '' : String(value).trim().toLowerCase();
}
