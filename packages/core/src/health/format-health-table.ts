// The plain-text table the CLI prints after a round of health checks.
import type { HealthResult } from '../events.js';

const COLUMNS = ['check', 'kind', 'outcome', 'observed', 'latency', 'detail'] as const;
const MAX_CELL = 60;

export function formatHealthTable(results: HealthResult[]): string {
  if (results.length === 0) return 'no health checks';
  const rows = results.map((r) => [
    r.severity === 'warning' ? `${r.check} (warning)` : r.check,
    r.kind,
    r.outcome.toUpperCase(),
    r.observed,
    r.latencyMs === null ? '-' : `${r.latencyMs} ms`,
    r.detail,
  ].map(cell));
  const header = COLUMNS.map((name) => name.toUpperCase());
  const widths = COLUMNS.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const render = (row: string[]) => row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]!))).join('  ').trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n');
}

function cell(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 3)}...` : flat;
}
