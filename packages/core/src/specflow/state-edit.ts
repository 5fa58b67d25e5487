// Surgical edits of state.yaml through yaml's Document API: every other field, comment,
// quote style and key order stays; output keeps the file's indentation style, and every line
// the edit did not touch keeps its exact text and line ending.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { ShipgateError } from '../errors.js';
import { keepOriginalLines } from './keep-original-lines.js';
import type { FieldPath } from './state-spellings.js';

export type EditValue = string | number | boolean;

export interface StateEditor {
  doc: Document;
  /** The map at path, created (or filled in for an empty `key:`) when missing. */
  map(path: FieldPath): YAMLMap;
  seq(map: YAMLMap, key: string, path: FieldPath): YAMLSeq;
  render(): string;
}

export function editState(text: string, file = 'state.yaml'): StateEditor {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines });
  const error = doc.errors[0];
  const refuse = (message: string, at?: Node, field?: string): never => {
    const position = at?.range ? lines.linePos(at.range[0]) : undefined;
    throw new ShipgateError('REPORT_FAILED', message, {
      file,
      ...(position ? { line: position.line, column: position.col } : {}),
      ...(field ? { field } : {}),
      hint: `fix ${file} by hand, then run the release again`,
    });
  };
  if (error) refuse(`cannot update: ${error.message.split(' at line ')[0]!.split('\n')[0]}`, undefined);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = new YAMLMap();
  if (!isMap(doc.contents)) refuse('cannot update: the top level is not a map of fields', doc.contents as Node);

  const map = (path: FieldPath): YAMLMap => {
    let current = doc.contents as YAMLMap;
    path.forEach((key, index) => {
      const node = current.get(key, true) as Node | undefined;
      if (node === undefined || (isScalar(node) && node.value === null)) {
        const created = new YAMLMap();
        current.set(key, created);
        current = created;
      } else if (isMap(node)) {
        current = node;
      } else {
        const field = path.slice(0, index + 1).join('.');
        // the gates read through aliases; a write-back must not change what other places share
        const alias = isAlias(node) ? ` but an alias (*${node.source}): Shipgate does not edit a shared anchor; write ${field} out as its own map` : '';
        refuse(`cannot update: ${field} is not a map${alias}`, node, field);
      }
    });
    return current;
  };

  const seq = (parent: YAMLMap, key: string, path: FieldPath): YAMLSeq => {
    const node = parent.get(key, true) as Node | undefined;
    if (node !== undefined && isSeq(node)) return node;
    if (node !== undefined && !(isScalar(node) && node.value === null)) refuse(`cannot update: ${[...path, key].join('.')} is not a list`, node, [...path, key].join('.'));
    const created = new YAMLSeq();
    parent.set(key, created);
    return created;
  };

  return { doc, map, seq, render: () => keepOriginalLines(text, doc.toString({ ...detectStyle(text), lineWidth: 0, flowCollectionPadding: false })) };
}

/** Sets key to value; an existing scalar keeps its comment and (when types agree) its quoting. */
export function setValue(map: YAMLMap, key: string, value: EditValue): void {
  const node = map.get(key, true) as Node | undefined;
  if (node !== undefined && isScalar(node)) {
    if (typeof node.value !== typeof value) {
      delete node.type;
      delete node.format;
      delete node.tag;
    }
    node.value = value;
    return;
  }
  map.set(key, value);
}

/** Appends value unless the list already holds it (so a second write-back changes nothing). */
export function appendOnce(seq: YAMLSeq, value: string): void {
  if (seq.items.some((item) => isScalar(item) && item.value === value)) return;
  const scalar = new Scalar(value);
  // In [flow, lists] quote values with ":" the way Spec-Flow writes "ship:optimize".
  if (seq.flow && /[:#,[\]{}]/.test(value)) scalar.type = 'QUOTE_DOUBLE';
  seq.items.push(scalar);
}

/** The file's indentation width and whether `- items` are indented under their key. */
function detectStyle(text: string): { indent: number; indentSeq: boolean } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const firstIndented = lines.find((line) => /^ +\S/.test(line) && !/^ +- /.test(line));
  const indent = Math.min(8, Math.max(1, firstIndented ? /^ +/.exec(firstIndented)![0].length : 2));
  let indentSeq = true;
  lines.forEach((line, index) => {
    const key = /^( *)[^\s#-][^:]*:\s*(#.*)?$/.exec(line);
    const next = lines[index + 1];
    if (key && next !== undefined && next.startsWith(`${key[1]}- `)) indentSeq = false;
  });
  return { indent, indentSeq };
}
