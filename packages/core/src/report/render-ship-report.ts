// The ship report (specs/NNN-slug/production-ship-report.md): summary, gates with evidence,
// the version decision, timeline, health checks, artifacts, the exact rollback procedure,
// the monitoring plan and verdict. Folded from the release's record; pure.
import type { ShipgateConfig } from '../config/config-types.js';
import type { ReleasePlan } from '../model/plan-types.js';
import type { ReleaseJournal } from '../model/journal-types.js';
import type { ReleaseRecord } from './release-record.js';
import type { ReleaseStatus } from '../model/statuses.js';
import { rollbackProcedure } from './rollback-procedure.js';
import { cell, healthLines, summaryLines, timelineLines } from './report-sections.js';

export interface ShipReportInput {
  plan: ReleasePlan;
  config: ShipgateConfig;
  journal: ReleaseJournal;
  record: ReleaseRecord;
  status: ReleaseStatus;
  generatedAt: string;
  /** Set when the release was rolled back: where production is now. */
  rollback?: { to: string; at: string; reason: string; healthy: boolean } | null;
  /** The monitoring chart's SVG file, relative to the report (it sits beside it), when monitoring ran. */
  monitoringChartFile?: string | null;
}

const STATUS_WORDS: Partial<Record<ReleaseStatus, string>> = {
  succeeded: 'succeeded',
  failed: 'FAILED',
  rolled_back: 'rolled back',
  cancelled: 'cancelled',
  monitoring: 'monitoring',
  running: 'running',
};

export function renderShipReport(input: ShipReportInput): string {
  const { plan, config, journal, record, status } = input;
  const title = plan.spec?.slug ?? config.project;
  const lines: string[] = [`# Production Ship Report: ${title}`, ''];
  const summary: Array<[string, string | null | undefined]> = [
    ['Project', config.project],
    ['Version', `${journal.tag} (from ${journal.previousDeployTag ?? journal.previousTag ?? 'nothing'})`],
    ['Status', STATUS_WORDS[status] ?? status],
    ['Released by', journal.actor],
    ['Actor ID', journal.actorId],
    ['Approved by', approvedBy(journal)],
    ['Started at', journal.startedAt],
    ['Deployed at', journal.deployedAt],
    ['Report written at', input.generatedAt],
    ['Deployment provider', config.deploy.provider],
    ['Deployment ID', journal.deploymentId],
    ['Deployment URL', journal.deploymentUrl],
    ['Production URL', config.productionUrl],
    ['GitHub Release', journal.githubReleaseUrl],
  ];
  lines.push('## Deployment Summary', '');
  lines.push(...summaryLines(summary));
  if (input.rollback) {
    const r = input.rollback;
    lines.push('', `> **Rolled back** at ${r.at}: ${r.reason}. Production runs **${r.to}** again${r.healthy ? ' and its health checks pass' : ' — and its health checks FAILED: act now'}.`);
  }
  if (plan.unvalidated) {
    const u = plan.unvalidated;
    lines.push('', `> **Promoted without staging validation** by ${u.by}, because: ${u.reason}. ${u.detail}.`);
  }
  if (journal.approvals?.length) {
    lines.push('', '## Approvals', '');
    for (const a of journal.approvals) {
      const what = `${cell(a.by)} approved ${a.version ? `v${a.version} at ` : ''}\`${a.commit.slice(0, 12)}\` on ${a.at}${a.comment ? `: “${cell(a.comment)}”` : ''}`;
      lines.push(a.void ? `- ~~${what}~~ — no longer counted: ${cell(a.void)}` : `- ${what}`);
    }
  }
  lines.push('', '## Gates', '', '| gate | status | evidence |', '| --- | --- | --- |');
  for (const g of record.gates.length ? record.gates : plan.gates) {
    const source = g.evidence?.file ? ` (${g.evidence.file}${g.evidence.field ? `: ${g.evidence.field}` : ''})` : '';
    lines.push(`| ${cell(g.title)} | ${g.status} | ${cell(g.detail + source)} |`);
  }
  // the first plan's decision (kept in the journal): a resumed run's plan only says "resume"
  const decision = journal.decision ?? plan;
  lines.push('', '## Version decision', '', `${journal.previousVersion ?? plan.currentVersion ?? '—'} → **${journal.version}** (${decision.bump ?? decision.bumpSource ?? 'resume'}${decision.bumpSource ? `, decided by ${decision.bumpSource}` : ''})`, '');
  for (const r of decision.reasons.filter((r) => r.bump !== 'none')) {
    const what = r.commit ? `\`${r.commit}\` ${r.subject ?? ''}` : `${r.changelogSection ?? ''}: ${r.entry ?? ''}`;
    lines.push(`- ${r.bump}: ${what}`);
  }
  lines.push('', ...timelineLines(record));
  lines.push('', ...healthLines(record, true));
  lines.push('', '## Deployment Artifacts', '', `- Git tag: \`${journal.tag}\` (annotated)`, `- Commit SHA: \`${journal.commit ?? '—'}\``);
  if (journal.previousDeployCommit) lines.push(`- Production ran before: \`${journal.previousDeployCommit}\` (${journal.previousDeployTag ?? journal.previousTag ?? 'unknown'})`);
  lines.push('', '### CHANGELOG', '', journal.changelogBody.trim() || '_no entries_', '');
  lines.push('## Rollback Procedure', '', ...rollbackProcedure(config, journal), '');
  lines.push('## Monitoring', '');
  if (!config.monitoring.enabled) {
    lines.push('Automatic monitoring is off (`monitoring.enabled: false`). Watch for 15–30 minutes: error rate within 1 percentage point of the pre-deploy baseline, p95 latency within 10%, no critical alerts, background jobs processing.');
  } else {
    const m = config.monitoring;
    lines.push(`Plan: ${Math.round(m.windowSeconds / 60)} min window after ${m.warmupSeconds} s warm-up, evaluated every ${m.intervalSeconds} s against a ${m.baselineSeconds} s baseline; breach when the error rate rises more than ${m.thresholds.errorRateIncrease} pp or p95 latency degrades more than ${Math.round(m.thresholds.latencyDegradation * 100)}% (action: ${m.onBreach}).`);
    if (record.verdict) lines.push('', `**Verdict: ${record.verdict.verdict}** — ${record.verdict.reason}`);
    const last = record.samples.at(-1);
    if (last) {
      lines.push('', '| measure | baseline | current |', '| --- | --- | --- |');
      lines.push(`| requests | ${last.baseline.requests} | ${last.current.requests} |`);
      lines.push(`| error rate | ${pct(last.baseline.errorRate)} | ${pct(last.current.errorRate)} |`);
      lines.push(`| p95 latency | ${ms(last.baseline.p95Ms)} | ${ms(last.current.p95Ms)} |`);
    }
    // an image file, not inline <svg>: GitHub and most Markdown viewers drop inline SVG
    if (input.monitoringChartFile) lines.push('', `![Monitoring chart: error rate and p95 latency after the deploy, against the baseline and the allowed band](${input.monitoringChartFile})`);
  }
  if (record.warnings.length) lines.push('', '## Warnings', '', ...record.warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}

/** The approvals that counted, in order ("Bob, Carol"). */
function approvedBy(journal: ReleaseJournal): string | null {
  const counted = (journal.approvals ?? []).filter((a) => !a.void);
  return counted.length ? counted.map((a) => cell(a.by)).join(', ') : null;
}

function pct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}

function ms(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`;
}
