// A parsed state.yaml with located lookups. Values come back as text the way they are
// written: `2026-11-20T14:55:00Z` stays that ISO text (never a reformatted Date).
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
  if (!doc.hasIn(path)) return undefined;
  const node = doc.getIn(path, true) as Node | undefined;
  if (!node || !isScalar(node)) return undefined;
  return scalarValue(node.value);
}

/** True when a map exists at path. */
export function hasMap(doc: Document, path: FieldPath): boolean {
  const node = path.length === 0 ? (doc.contents as Node | null) : (doc.getIn(path, true) as Node | undefined);
  return !!node && isMap(node);
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
