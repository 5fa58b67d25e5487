// The parts the ship report and the rollback report share: the summary list, the timeline
// table and the health-check table, all folded from the run's record. Pure.
import type { ReleaseRecord } from './release-record.js';

/** One Markdown table cell: pipes escaped, newlines folded, nothing → "—". */
export function cell(text: string | number | null | undefined): string {
  return String(text ?? '—').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** "- **Label**: value" for each row that has a value. */
export function summaryLines(rows: ReadonlyArray<readonly [string, string | null | undefined]>): string[] {
  return rows.flatMap(([label, value]) => (value ? [`- **${label}**: ${value}`] : []));
}

export function timelineLines(record: ReleaseRecord): string[] {
  const lines = ['## Timeline', '', '| step | status | started | duration | detail |', '| --- | --- | --- | --- | --- |'];
  for (const s of record.steps) {
    // the report is written inside its own step: that row says so instead of "running"
    const status = s.name === 'ship-report' && s.status === 'running' ? 'this report' : s.status;
    lines.push(`| ${s.name} | ${status} | ${cell(s.startedAt)} | ${s.durationMs === null ? '—' : `${(s.durationMs / 1000).toFixed(1)} s`} | ${cell(s.detail)} |`);
  }
  return lines;
}

/** The health checks that ran; `withPhase` adds the phase column (deploy, rollback, monitoring). */
export function healthLines(record: ReleaseRecord, withPhase: boolean): string[] {
  const lines = ['## Health Checks', ''];
  if (record.health.length === 0) return [...lines, 'No health checks ran (configure `health.checks` in `.shipgate.yaml`).'];
  const phase = withPhase ? ['phase'] : [];
  const head = [...phase, 'check', 'kind', 'severity', 'result', 'observed', 'latency', 'detail'];
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
  for (const h of record.health) {
    const result = h.outcome === 'pass' ? 'pass' : h.outcome === 'fail' ? '**FAIL**' : '**could not measure**';
    const row = [...(withPhase ? [h.phase] : []), cell(h.check), h.kind, h.severity, result, cell(h.observed), h.latencyMs === null ? '—' : `${h.latencyMs} ms`, cell(h.detail)];
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines;
}
