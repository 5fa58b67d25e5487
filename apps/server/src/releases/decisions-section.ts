// The ship report's "Decisions" section (CONTRACT §7: every guardrail decision that concerns a
// release is in its ship report): who decided what about this release and why, from the audit
// trail — the promote, a freeze override, approvals and rejections, cancels, resumes, rollbacks,
// and the lock Shipgate set after an automatic rollback (which comes after the engine wrote the
// report, so the server adds this section when it serves the report; the committed copy in the
// repository does not have it). People's text is escaped: it cannot add links, images, HTML or
// table cells.
import type { AuditRow } from '../db/schema.js';

/** Text shown literally in Markdown (and in one table cell). */
export function markdownText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

function decisionOf(row: AuditRow): string {
  const d = row.detail ?? {};
  switch (row.action) {
    case 'promote':
      return d['dryRun'] === true ? 'started a dry run' : 'promoted';
    case 'freeze_override':
      return `overrode the freeze "${markdownText(String(d['freeze'] ?? '?'))}" (frozen until ${markdownText(String(d['until'] ?? '?'))})`;
    case 'lock':
      return d['lockAfterRollback'] === true ? 'locked the project after the automatic rollback (lockAfterRollback)' : 'locked the project';
    case 'unlock':
      return 'unlocked the project';
    case 'rollback':
      return 'rolled it back';
    case 'cancel':
      return 'cancelled';
    case 'resume':
      return 'resumed';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    default:
      return markdownText(row.action.replace(/_/g, ' '));
  }
}

/**
 * The section as Markdown (starting with a blank line), or '' when nothing was decided beyond
 * the promote itself (the report's "Released by" says that): a plain release's report stays
 * exactly the file the engine committed.
 */
export function decisionsSection(rows: readonly AuditRow[]): string {
  if (rows.every((row) => row.action === 'promote')) return '';
  const lines = ['', '## Decisions', '', '| when | who | decision | reason |', '| --- | --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${row.at} | ${markdownText(row.actor ?? 'unknown')} | ${decisionOf(row)} | ${row.reason ? markdownText(row.reason) : '—'} |`);
  return `${lines.join('\n')}\n`;
}
