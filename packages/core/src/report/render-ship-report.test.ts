import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/index.js';
import type { ReleasePlan } from '../model/plan-types.js';
import type { ReleaseJournal } from '../model/journal-types.js';
import { createReleaseRecord, recordEvent } from './release-record.js';
import { renderShipReport } from './render-ship-report.js';

const config = parseConfig('health:\n  checks:\n    - name: api\n      url: http://127.0.0.1:9/health\n', { file: '.shipgate.yaml', defaultProject: 'acme-web' });

const plan: ReleasePlan = {
  project: 'acme-web', currentVersion: '2.6.0', nextVersion: '2.7.0', bump: 'minor', bumpSource: 'commits',
  reasons: [{ bump: 'minor', commit: 'abc1234', subject: 'feat(api): export | import' }, { bump: 'none', commit: 'def5678', subject: 'chore: x', note: 'releases nothing' }],
  tag: 'v2.7.0', previousTag: 'v2.6.0', spec: { slug: '001-checkout', dir: 'specs/001-checkout' },
  gates: [{ id: 'staging-validation', title: 'Staging validation approved', status: 'pass', detail: 'approved by Jane', evidence: { file: 'specs/001-checkout/state.yaml', field: 'workflow.manual_gates.staging_validation.status' } }],
  blocked: false, blockers: [], blockedBy: [], changelog: '### Added\n\n- Export\n', steps: ['verify-gates'], resuming: false, head: 'h', warnings: [], production: null,
};

const journal: ReleaseJournal = {
  version: '2.7.0', tag: 'v2.7.0', previousVersion: '2.6.0', previousTag: 'v2.6.0', head: 'h', commit: 'c'.repeat(40),
  previousDeployCommit: 'p'.repeat(40), previousDeployRecorded: true, spec: plan.spec, changelogBody: '### Added\n\n- Export\n',
  status: 'running', steps: {}, startedAt: '2026-11-26T10:00:00Z', deployedAt: '2026-11-26T10:00:05Z', actor: 'jane',
};

function record() {
  const r = createReleaseRecord();
  const at = '2026-11-26T10:00:06Z';
  recordEvent(r, { type: 'step.started', step: 'deploy', title: 'Deploy' }, at);
  recordEvent(r, { type: 'step.finished', step: 'deploy', status: 'succeeded', detail: 'production → v2.7.0', durationMs: 1200 }, at);
  recordEvent(r, { type: 'step.started', step: 'ship-report', title: 'Write the ship report' }, at);
  recordEvent(r, { type: 'health.result', result: { check: 'api', kind: 'http', severity: 'critical', outcome: 'fail', final: true, attempt: 3, latencyMs: 12, observed: '503', detail: 'status 503, expected 200', target: 'http://127.0.0.1:9/health', phase: 'deploy' } }, at);
  recordEvent(r, { type: 'health.result', result: { check: 'api', kind: 'http', severity: 'critical', outcome: 'pass', final: false, attempt: 1, latencyMs: 3, observed: '200', detail: 'attempt', target: 'x', phase: 'deploy' } }, at);
  return r;
}

describe('the ship report', () => {
  it('has the seed\'s sections with the release\'s facts', () => {
    const text = renderShipReport({ plan, config, journal, record: record(), status: 'succeeded', generatedAt: '2026-11-26T10:00:07Z' });
    for (const heading of ['# Production Ship Report: 001-checkout', '## Deployment Summary', '## Gates', '## Version decision', '## Timeline', '## Health Checks', '## Deployment Artifacts', '## Rollback Procedure', '## Monitoring']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('- **Version**: v2.7.0 (from v2.6.0)');
    expect(text).toContain('- **Released by**: jane');
    expect(text).toContain(`git push --force-with-lease=refs/heads/production:${'c'.repeat(40)} origin ${'p'.repeat(40)}:refs/heads/production`);
    expect(text).toContain('shipgate rollback --to v2.6.0 --yes');
  });

  it('lists who approved, for which commit, and the approvals that stopped counting (CONTRACT §7)', () => {
    const approvals = [
      { by: 'Bob', at: '2026-11-26T09:00:00Z', commit: 'a'.repeat(40), version: '2.6.1', void: 'main moved to bbbbbbbbbbbb before the last approval' },
      { by: 'Bob', at: '2026-11-26T09:30:00Z', commit: 'b'.repeat(40), version: '2.7.0', comment: 'looks good | ship it\nnow' },
      { by: 'Carol', at: '2026-11-26T09:40:00Z', commit: 'b'.repeat(40), version: '2.7.0' },
    ];
    const text = renderShipReport({ plan, config, journal: { ...journal, approvals }, record: record(), status: 'succeeded', generatedAt: 'now' });
    expect(text).toContain('- **Approved by**: Bob, Carol');
    expect(text).toContain(`- ~~Bob approved v2.6.1 at \`aaaaaaaaaaaa\` on 2026-11-26T09:00:00Z~~ — no longer counted: main moved to bbbbbbbbbbbb before the last approval`);
    expect(text).toContain('- Bob approved v2.7.0 at `bbbbbbbbbbbb` on 2026-11-26T09:30:00Z: “looks good \\| ship it now”');
    expect(text).toContain('- Carol approved v2.7.0 at `bbbbbbbbbbbb` on 2026-11-26T09:40:00Z\n');
    // without approvals: neither the line nor the section
    const plain = renderShipReport({ plan, config, journal, record: record(), status: 'succeeded', generatedAt: 'now' });
    expect(plain).not.toContain('Approv');
  });

  it('keeps table cells intact when user text holds a pipe, and lists only counted reasons', () => {
    const text = renderShipReport({ plan, config, journal, record: record(), status: 'succeeded', generatedAt: 'now' });
    expect(text).toContain('- minor: `abc1234` feat(api): export | import');
    expect(text).not.toContain('chore: x');
    expect(text).toContain('| Staging validation approved | pass | approved by Jane (specs/001-checkout/state.yaml: workflow.manual_gates.staging_validation.status) |');
  });

  it('lists final health results only, and calls its own step "this report" instead of running', () => {
    const text = renderShipReport({ plan, config, journal, record: record(), status: 'succeeded', generatedAt: 'now' });
    expect(text).toContain('| deploy | api | http | critical | **FAIL** | 503 | 12 ms | status 503, expected 200 |');
    expect(text).not.toContain('| attempt |');
    expect(text).toMatch(/\| ship-report \| this report \|/);
    expect(text).toMatch(/\| deploy \| succeeded \| 2026-11-26T10:00:06Z \| 1\.2 s \| production → v2\.7\.0 \|/);
  });

  it('says loudly where production is after a rollback, and when the restored version is unhealthy too', () => {
    const healthy = renderShipReport({ plan, config, journal, record: record(), status: 'rolled_back', generatedAt: 'now', rollback: { to: '2.6.0', at: 'then', reason: 'api failed', healthy: true } });
    expect(healthy).toContain('> **Rolled back** at then: api failed. Production runs **2.6.0** again and its health checks pass.');
    const unhealthy = renderShipReport({ plan, config, journal, record: record(), status: 'failed', generatedAt: 'now', rollback: { to: '2.6.0', at: 'then', reason: 'api failed', healthy: false } });
    expect(unhealthy).toContain('- **Status**: FAILED');
    expect(unhealthy).toContain('its health checks FAILED: act now');
  });
});
