import { ShipgateError } from '../../errors.js';
import { runHealthChecks, type HealthRunSummary } from '../../health/index.js';
import type { ReleaseRun } from '../release-run.js';

/** All configured checks in parallel; a critical failure throws HEALTH_FAILED (the caller rolls back). */
export async function healthChecksStep(run: ReleaseRun, phase: 'deploy' | 'rollback', version: string): Promise<HealthRunSummary | null> {
  const checks = run.config.health.checks;
  const step = phase === 'deploy' ? 'health-checks' : 'rollback';
  if (checks.length === 0) {
    if (phase === 'deploy') run.skip('health-checks', 'Health checks', 'no health checks configured (health.checks in .shipgate.yaml)');
    return null;
  }
  let summary: HealthRunSummary | null = null;
  const body = async () => {
    summary = await runHealthChecks(checks, {
      ctx: run.ctx,
      version,
      phase,
      log: (line: string) => run.log(step, line),
      ...(run.ctx.signal ? { signal: run.ctx.signal } : {}),
    });
    for (const warning of summary.warnings) run.log(step, warning, 'warn');
    const passed = summary.results.filter((r) => r.outcome === 'pass').length;
    if (!summary.passed) {
      throw new ShipgateError('HEALTH_FAILED', `${summary.criticalFailures.length} critical check(s) failed: ${summary.criticalFailures.join('; ')}`);
    }
    return { detail: `${passed}/${summary.results.length} checks passed` };
  };
  if (phase === 'deploy') await run.step('health-checks', `Health checks (${checks.length})`, body);
  else await body();
  return summary;
}
