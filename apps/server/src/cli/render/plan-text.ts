// The human-readable plan: gates with evidence, version and why, excerpt, steps, blockers.
import type { ReleasePlan } from '@shipgate/core';

export function planText(plan: ReleasePlan): string {
  const lines: string[] = [];
  const mark = (s: string) => (s === 'pass' ? '✔' : s === 'fail' ? '✖' : '↷');
  lines.push(`Project ${plan.project}${plan.spec ? ` · feature ${plan.spec.slug}` : ''}`, '');
  lines.push('Gates');
  for (const g of plan.gates) lines.push(`  ${mark(g.status)} ${g.title}: ${g.detail}`);
  lines.push('');
  if (plan.nextVersion) {
    lines.push(`Version ${plan.currentVersion ?? '—'} → ${plan.nextVersion} (${plan.bumpSource === 'resume' ? 'resuming' : `${plan.bump}, from ${plan.bumpSource}`}) · tag ${plan.tag}`);
  } else lines.push(`Version ${plan.currentVersion ?? '—'}: nothing to release`);
  const filter = plan.commitFilter;
  if (filter) lines.push(`  commits under ${filter.path}/ count: ${filter.counted}; ${filter.leftOut} elsewhere in the repository left out`);
  for (const r of plan.reasons) {
    const what = r.commit ? `${r.commit} ${r.subject ?? ''}` : `${r.changelogSection ?? 'CHANGELOG'}: ${r.entry ?? ''}`;
    lines.push(`  ${r.bump === 'none' ? '·' : r.bump.padEnd(5)} ${what}${r.note ? `  (${r.note})` : ''}`);
  }
  if (plan.changelog.trim()) lines.push('', 'CHANGELOG excerpt', ...plan.changelog.trimEnd().split('\n').map((l) => `  ${l}`));
  lines.push('', `Steps: ${plan.steps.join(' → ')}`);
  for (const w of plan.warnings) lines.push(`⚠ ${w}`);
  if (plan.blocked) {
    lines.push('', 'BLOCKED');
    for (const b of plan.blockedBy) {
      lines.push(`  ✖ ${b.message}`);
      lines.push(`    → ${b.action.label}${b.action.cli ? `: ${b.action.cli}` : ''}`);
    }
  }
  else lines.push('', `Ready: shipgate promote${plan.nextVersion ? ` releases ${plan.tag}` : ''}`);
  return `${lines.join('\n')}\n`;
}
