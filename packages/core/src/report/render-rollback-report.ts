// The report of a manual rollback (its own run, CONTRACT §4): who, why, from → to, its
// steps and the health checks on the restored release. Folded from the run's record; pure.
import type { ReleaseRecord } from './release-record.js';
import { healthLines, summaryLines, timelineLines } from './report-sections.js';

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
  lines.push(...summaryLines(summary));
  if (input.error) lines.push('', `> **Rollback failed**: ${input.error}`);
  lines.push('', ...timelineLines(record));
  lines.push('', ...healthLines(record, false));
  if (record.warnings.length) lines.push('', '## Warnings', '', ...record.warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}
