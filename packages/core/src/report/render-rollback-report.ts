// The report of a manual rollback (its own run, CONTRACT §4): who, why, from → to, its
// steps and the health checks on the restored release. Folded from the run's record; pure.
import type { ReleaseRecord } from './release-record.js';
import { cell } from './render-ship-report.js';

export interface RollbackReportInput {
  project: string;
  from: { tag: string; commit: string | null } | null;
  to: { tag: string; commit: string };
  actor: string | undefined;
  actorId?: string | undefined;
  reason: string | undefined;
  status: 'succeeded' | 'failed';
  startedAt: string;
  generatedAt: string;
  provider: string;
  record: ReleaseRecord;
  error: string | null;
}

export function renderRollbackReport(input: RollbackReportInput): string {
  const { record } = input;
  const lines = [`# Rollback Report: ${input.project}`, ''];
  const summary: Array<[string, string | null | undefined]> = [
    ['Project', input.project],
    ['Rolled back', `${input.from?.tag ?? 'production'} → ${input.to.tag}`],
    ['Status', input.status === 'succeeded' ? `succeeded: production runs ${input.to.tag}` : 'FAILED'],
    ['Rolled back by', input.actor],
    ['Actor ID', input.actorId],
    ['Reason', input.reason ?? 'none given'],
    ['Started at', input.startedAt],
    ['Report written at', input.generatedAt],
    ['Deployment provider', input.provider],
    ['Restored commit', `\`${input.to.commit}\``],
    ['Replaced commit', input.from?.commit ? `\`${input.from.commit}\`` : null],
  ];
  lines.push('## Summary', '');
  for (const [label, value] of summary) if (value) lines.push(`- **${label}**: ${value}`);
  if (input.error) lines.push('', `> **Rollback failed**: ${input.error}`);
  lines.push('', '## Timeline', '', '| step | status | started | duration | detail |', '| --- | --- | --- | --- | --- |');
  for (const s of record.steps) {
    const status = s.name === 'ship-report' && s.status === 'running' ? 'this report' : s.status;
    lines.push(`| ${s.name} | ${status} | ${cell(s.startedAt)} | ${s.durationMs === null ? '—' : `${(s.durationMs / 1000).toFixed(1)} s`} | ${cell(s.detail)} |`);
  }
  lines.push('', '## Health Checks', '');
  if (record.health.length === 0) lines.push('No health checks ran (configure `health.checks` in `.shipgate.yaml`).');
  else {
    lines.push('| check | kind | severity | result | observed | latency | detail |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const h of record.health) {
      lines.push(`| ${cell(h.check)} | ${h.kind} | ${h.severity} | ${h.outcome === 'pass' ? 'pass' : '**FAIL**'} | ${cell(h.observed)} | ${h.latencyMs === null ? '—' : `${h.latencyMs} ms`} | ${cell(h.detail)} |`);
    }
  }
  if (record.warnings.length) lines.push('', '## Warnings', '', ...record.warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}
