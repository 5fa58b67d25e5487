// The kind-specific part of a health check, one reader per kind, picked from a typed registry.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { CheckTiming, CommandCheckConfig, HttpCheckConfig, TcpCheckConfig } from './config-types.js';
import { DEFAULTS } from './config-defaults.js';
import type { CheckKind } from './config-keys.js';
import { parseDuration } from './parse-duration.js';
import { optionalNumber, optionalString, optionalUrl, requiredString, stringListOr, stringRecordOr } from './read-values.js';
import type { YamlField } from './yaml-field.js';
import type { YamlMap } from './yaml-map.js';

type CheckReader<C> = (m: YamlMap, name: string, timing: CheckTiming) => C;

export const CHECK_SETTINGS = {
  http: readHttp,
  tcp: readTcp,
  command: readCommand,
} satisfies { [K in CheckKind]: CheckReader<Extract<HttpCheckConfig | TcpCheckConfig | CommandCheckConfig, { kind: K }>> };

function readHttp(m: YamlMap, name: string, timing: CheckTiming): HttpCheckConfig {
  const url = optionalUrl(m.get('url')) ?? m.get('url').fail('required for an http check: the URL to request, e.g. "http://127.0.0.1:4401/health"');
  const method = optionalString(m.get('method'));
  if (method !== undefined && !/^[A-Za-z]+$/.test(method)) m.get('method').expected('an HTTP method such as GET or HEAD');
  const body = optionalString(m.get('body'), { allowEmpty: true });
  const bodyMatches = readPattern(m.get('bodyMatches'));
  const bodyNotMatches = readPattern(m.get('bodyNotMatches'));
  const json = readJsonAssertions(m.get('json'));
  const maxLatencyMs = readLatencyMs(m.get('maxLatencyMs'));
  const components = m.has('components') ? stringListOr(m.get('components'), []) : undefined;
  return {
    kind: 'http',
    name,
    url,
    method: method?.toUpperCase() ?? DEFAULTS.check.method,
    headers: stringRecordOr(m.get('headers'), {}),
    ...(body === undefined ? {} : { body }),
    expectStatus: readExpectStatus(m.get('expectStatus')),
    ...(bodyMatches === undefined ? {} : { bodyMatches }),
    ...(bodyNotMatches === undefined ? {} : { bodyNotMatches }),
    ...(json === undefined ? {} : { json }),
    ...(maxLatencyMs === undefined ? {} : { maxLatencyMs }),
    ...(components === undefined ? {} : { components }),
    ...timing,
  };
}

function readTcp(m: YamlMap, name: string, timing: CheckTiming): TcpCheckConfig {
  if (m.has('tcp') && (m.has('host') || m.has('port'))) m.get('host').fail('give either tcp: host:port, or host and port, not both');
  if (m.has('tcp')) return { kind: 'tcp', name, ...splitHostPort(m.get('tcp')), ...timing };
  const host = requiredString(m.get('host'), 'for a tcp check: the host to connect to (or write tcp: host:port)');
  const port = optionalNumber(m.get('port'), { integer: true, min: 1, max: 65535 }) ?? m.get('port').fail('required for a tcp check: the port to connect to');
  return { kind: 'tcp', name, host, port, ...timing };
}

function readCommand(m: YamlMap, name: string, timing: CheckTiming): CommandCheckConfig {
  const command = requiredString(m.get('command'), 'for a command check: the shell command to run, e.g. "pg_isready -h db"');
  const expectOutput = optionalString(m.get('expectOutput'));
  return { kind: 'command', name, command, ...(expectOutput === undefined ? {} : { expectOutput }), ...timing };
}

function splitHostPort(f: YamlField): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(optionalString(f) ?? '');
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) return f.expected('host:port, e.g. "db.internal:5432"');
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

const STATUS_FORM = 'an HTTP status (200), a range ("200-299") or a class ("2xx")';

/** Accepted statuses: numbers, "200-299" ranges or "2xx" classes, one or a list. */
function readExpectStatus(f: YamlField): Array<number | string> {
  if (f.isAbsent) return [...DEFAULTS.check.expectStatus];
  if (f.node && isSeq(f.node)) {
    if (f.node.items.length === 0) f.expected(`at least one status: ${STATUS_FORM}`);
    return f.node.items.map((node, index) => readStatus(f.item(index, node as Node)));
  }
  return [readStatus(f)];
}

function readStatus(f: YamlField): number | string {
  const value = f.scalar;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  const valid = (code: number) => code >= 100 && code <= 599;
  if (/^\d{3}$/.test(text) && valid(Number(text))) return Number(text);
  if (/^[1-5]xx$/i.test(text)) return text.toLowerCase();
  const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(text);
  if (range && valid(Number(range[1])) && valid(Number(range[2])) && Number(range[1]) <= Number(range[2])) return `${range[1]}-${range[2]}`;
  return f.expected(STATUS_FORM);
}

function readPattern(f: YamlField): string | undefined {
  const pattern = optionalString(f);
  if (pattern === undefined) return undefined;
  try {
    new RegExp(pattern);
  } catch (error) {
    f.fail(
      `invalid regular expression: ${(error as Error).message}`,
      "write a JavaScript regular expression: a backslash before ( ) [ ] { } . * + ? matches it literally (in YAML, single quotes keep the backslash: '\\(ok\\)')",
    );
  }
  return pattern;
}

/** JSON path → expected value; null is a real expectation here, not "absent". */
function readJsonAssertions(f: YamlField): Record<string, string | number | boolean | null> | undefined {
  if (f.isAbsent) return undefined;
  if (!f.node || !isMap(f.node)) return f.expected('a map of JSON paths to expected values, e.g. status: pass');
  const assertions: Record<string, string | number | boolean | null> = {};
  for (const pair of f.node.items) {
    const path = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const item = f.child(path, (pair.value as Node | null) ?? null, pair.key as Node);
    const value = item.node === null ? null : item.scalar;
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) item.expected('a string, number, boolean or null');
    assertions[path] = value as string | number | boolean | null;
  }
  return assertions;
}

/** Milliseconds: a number, or a duration string ("500ms", "2s"). */
function readLatencyMs(f: YamlField): number | undefined {
  if (f.isAbsent) return undefined;
  const value = f.scalar;
  const text = typeof value === 'string' ? value.trim() : '';
  const ms = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(text) ? Number(text) : (parseDuration(text) ?? NaN) * 1000;
  return Number.isFinite(ms) && ms > 0 ? ms : f.expected('a positive number of milliseconds, or a duration like "500ms"');
}
