// A tiny JSON path: `a.b[0].c`, `checks["db:up"][0].status`. Enough for health assertions;
// a full JSONPath library would be more syntax than a check line needs.
import { ShipgateError } from '../errors.js';

export type PathSegment = string | number;

export function parseJsonPath(rawPath: string, field = 'json'): PathSegment[] {
  const path = rawPath.replace(/^\$\.?/, ''); // JSONPath's optional root, `$.a.b`
  const segments: PathSegment[] = [];
  const token = /\.?([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/gy;
  let match: RegExpExecArray | null;
  while (token.lastIndex < path.length && (match = token.exec(path)) !== null) {
    const [, name, index, double, single] = match;
    segments.push(index === undefined ? (name ?? double ?? single ?? '') : Number(index));
  }
  if (token.lastIndex !== path.length || segments.length === 0) {
    throw new ShipgateError('CONFIG_INVALID', `"${rawPath}" is not a JSON path`, {
      field,
      hint: 'write paths like status, data.version or items[0].name',
    });
  }
  return segments;
}

/** The value at the path, or undefined when any step is missing. */
export function readJsonPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of parseJsonPath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
