// Typed readers for config values. Each returns the value (or the fallback when absent)
// and fails at the exact node with "expected X, found Y" otherwise.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseDuration } from './parse-duration.js';
import type { YamlField } from './yaml-field.js';
import type { YamlMap } from './yaml-map.js';

export function optionalString(f: YamlField, options: { allowEmpty?: boolean } = {}): string | undefined {
  if (f.isAbsent) return undefined;
  const value = f.scalar;
  if (typeof value !== 'string') return f.expected('a string');
  if (!options.allowEmpty && value.trim() === '') return f.expected('a non-empty string');
  return value;
}

/** A required string: absent → "required …" at the enclosing key. */
export function requiredString(f: YamlField, why: string): string {
  return optionalString(f) ?? f.fail(`required ${why}`);
}

export function stringOr(f: YamlField, fallback: string, options: { allowEmpty?: boolean } = {}): string {
  return optionalString(f, options) ?? fallback;
}

export function booleanOr(f: YamlField, fallback: boolean): boolean {
  if (f.isAbsent) return fallback;
  const value = f.scalar;
  return typeof value === 'boolean' ? value : f.expected('true or false');
}

export interface NumberRule {
  min?: number;
  /** The value must be greater than min, not equal. */
  aboveMin?: boolean;
  max?: number;
  integer?: boolean;
}

export function optionalNumber(f: YamlField, rule: NumberRule = {}): number | undefined {
  if (f.isAbsent) return undefined;
  const value = f.scalar;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || (rule.aboveMin ? value > rule.min : value >= rule.min)) &&
    (rule.max === undefined || value <= rule.max);
  return ok ? value : f.expected(describeRule(rule));
}

export function numberOr(f: YamlField, fallback: number, rule: NumberRule = {}): number {
  return optionalNumber(f, rule) ?? fallback;
}

function describeRule(rule: NumberRule): string {
  const noun = rule.integer ? 'a whole number' : 'a number';
  const bounds = [
    rule.min === undefined ? '' : rule.aboveMin ? `greater than ${rule.min}` : `at least ${rule.min}`,
    rule.max === undefined ? '' : `at most ${rule.max}`,
  ].filter(Boolean);
  return bounds.length ? `${noun} ${bounds.join(' and ')}` : noun;
}

const DURATION_FORM = 'a number of seconds or a string like "90s", "15m", "500ms"';

/**
 * Reads a duration in seconds from `key` or its alias `<key>Seconds` (same values accepted).
 * Zero is allowed only with allowZero.
 */
export function durationOr(map: YamlMap, key: string, fallback: number, options: { allowZero?: boolean } = {}): number {
  const alias = `${key}Seconds`;
  if (map.has(key) && map.has(alias)) map.get(alias).fail(`give either ${key} or ${alias}, not both`);
  const f = map.has(alias) ? map.get(alias) : map.get(key);
  if (f.isAbsent) return fallback;
  const value = f.scalar;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? parseDuration(value) : null;
  const positive = options.allowZero ? 'a duration of 0 or more' : 'a positive duration';
  if (seconds === null || !Number.isFinite(seconds)) return f.expected(`${positive} (${DURATION_FORM})`);
  if (seconds < 0 || (!options.allowZero && seconds === 0)) return f.expected(`${positive} (${DURATION_FORM})`);
  return seconds;
}

/** An http(s) URL. `{{version}}` templates are allowed in the path and query. */
export function optionalUrl(f: YamlField): string | undefined {
  const value = optionalString(f);
  if (value === undefined) return undefined;
  if (!isHttpUrl(value)) {
    const guess = /^[\w.-]+(:\d+)?(\/|$)/.test(value) ? `"http://${value}"` : '"http://127.0.0.1:4401/health"';
    return f.expected('an http(s) URL', `write the full URL with its scheme, e.g. ${guess}`);
  }
  return value;
}

export function urlOr(f: YamlField, fallback: string): string {
  return optionalUrl(f) ?? fallback;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A list of non-empty strings; a single string is a list of one. */
export function stringListOr(f: YamlField, fallback: string[], options: { nonEmpty?: boolean } = {}): string[] {
  if (f.isAbsent) return fallback;
  if (f.node && isScalar(f.node)) return [optionalString(f)!];
  if (!f.node || !isSeq(f.node)) return f.expected('a list of strings');
  const items = f.node.items.map((node, index) => {
    const item = f.item(index, node as Node);
    return item.isAbsent ? item.expected('a non-empty string') : optionalString(item)!;
  });
  if (options.nonEmpty && items.length === 0) return f.expected('a list with at least one entry');
  return items;
}

/** A map of names to scalar values, each turned into a string (headers, workflow inputs). */
export function stringRecordOr(f: YamlField, fallback: Record<string, string>): Record<string, string> {
  if (f.isAbsent) return fallback;
  if (!f.node || !isMap(f.node)) return f.expected('a map of names to values');
  const record: Record<string, string> = {};
  for (const pair of f.node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const item = f.child(name, (pair.value as Node | null) ?? null, pair.key as Node);
    const value = item.scalar;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') item.expected('a string, number or boolean');
    record[name] = String(value);
  }
  return record;
}

/** One of a closed set of names; an unknown one lists the known ones. */
export function enumOr<T extends string>(f: YamlField, known: readonly T[], fallback: T, noun: string, hint?: string): T {
  const value = optionalString(f);
  if (value === undefined) return fallback;
  return (known as readonly string[]).includes(value) ? (value as T) : f.unknownName(noun, value, known, hint);
}
