// Parser for the Prometheus text exposition format (version 0.0.4): what /metrics serves.
// Hand-written rather than a dependency: the format is small, and core stays free of I/O libraries.
import { ShipgateError } from '../errors.js';

export type PrometheusMetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

export interface PrometheusExposition {
  samples: PrometheusSample[];
  help: Record<string, string>;
  types: Record<string, PrometheusMetricType>;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set<string>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export function parsePrometheusText(text: string): PrometheusExposition {
  const exposition: PrometheusExposition = { samples: [], help: {}, types: {} };
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '') return;
    if (line.startsWith('#')) return parseComment(line, exposition, index + 1);
    exposition.samples.push(parseSampleLine(line, index + 1));
  });
  return exposition;
}

function parseComment(line: string, exposition: PrometheusExposition, lineNo: number): void {
  const match = /^#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
  if (!match) return; // any other comment
  const [, keyword, name, rest = ''] = match as unknown as [string, string, string, string | undefined];
  if (keyword === 'HELP') {
    exposition.help[name] = rest.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
    return;
  }
  const type = rest.trim();
  if (!TYPES.has(type)) throw parseError(lineNo, `unknown metric type "${type}" for ${name}`);
  exposition.types[name] = type as PrometheusMetricType;
}

function parseSampleLine(line: string, lineNo: number): PrometheusSample {
  const name = METRIC_NAME.exec(line)?.[0];
  if (!name) throw parseError(lineNo, `expected a metric name, found "${line.slice(0, 40)}"`);
  let pos = name.length;
  let labels: Record<string, string> = {};
  if (line[pos] === '{') {
    const parsed = parseLabels(line, pos + 1, lineNo);
    labels = parsed.labels;
    pos = parsed.end;
  }
  const fields = line.slice(pos).trim().split(/\s+/);
  if (fields.length < 1 || fields.length > 2 || fields[0] === '') {
    throw parseError(lineNo, `expected "value [timestamp]" after ${name}`);
  }
  const value = parseValue(fields[0]!, lineNo);
  const sample: PrometheusSample = { name, labels, value };
  if (fields[1] !== undefined) {
    if (!/^-?\d+$/.test(fields[1])) throw parseError(lineNo, `invalid timestamp "${fields[1]}"`);
    sample.timestampMs = Number(fields[1]);
  }
  return sample;
}

function parseLabels(line: string, start: number, lineNo: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let pos = skipSpaces(line, start);
  while (line[pos] !== '}') {
    const labelName = LABEL_NAME.exec(line.slice(pos))?.[0];
    if (!labelName) throw parseError(lineNo, `expected a label name at column ${pos + 1}`);
    pos = skipSpaces(line, pos + labelName.length);
    if (line[pos] !== '=' ) throw parseError(lineNo, `expected "=" after label ${labelName}`);
    pos = skipSpaces(line, pos + 1);
    if (line[pos] !== '"') throw parseError(lineNo, `expected a quoted value for label ${labelName}`);
    const value = readQuoted(line, pos + 1, lineNo);
    labels[labelName] = value.text;
    pos = skipSpaces(line, value.end);
    if (line[pos] === ',') pos = skipSpaces(line, pos + 1);
    else if (line[pos] !== '}') throw parseError(lineNo, `expected "," or "}" after label ${labelName}`);
  }
  return { labels, end: pos + 1 };
}

function readQuoted(line: string, start: number, lineNo: number): { text: string; end: number } {
  let text = '';
  for (let pos = start; pos < line.length; pos++) {
    const char = line[pos]!;
    if (char === '"') return { text, end: pos + 1 };
    if (char !== '\\') {
      text += char;
      continue;
    }
    const next = line[++pos];
    if (next === 'n') text += '\n';
    else if (next === '\\' || next === '"') text += next;
    else throw parseError(lineNo, `invalid escape "\\${next ?? ''}" in a label value`);
  }
  throw parseError(lineNo, 'unterminated label value');
}

function parseValue(text: string, lineNo: number): number {
  const lower = text.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  if (lower === '+inf' || lower === 'inf') return Number.POSITIVE_INFINITY;
  if (lower === '-inf') return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) || Number.isNaN(value)) {
    throw parseError(lineNo, `invalid sample value "${text}"`);
  }
  return value;
}

function skipSpaces(line: string, pos: number): number {
  while (line[pos] === ' ' || line[pos] === '\t') pos++;
  return pos;
}

function parseError(line: number, message: string): ShipgateError {
  return new ShipgateError('INTERNAL', `metrics line ${line}: ${message}`, {
    line,
    hint: 'The /metrics endpoint must serve the Prometheus text format (version 0.0.4).',
  });
}
