import { ShipgateError } from '../../errors.js';
import type { ReleaseRun } from '../release-run.js';
import { deployInput, previousTarget, releaseTarget } from './deploy-step.js';
import { healthChecksStep } from './health-checks-step.js';

export interface RollbackResult {
  /** The version production runs now. */
  to: string;
  healthy: boolean;
  at: string;
}

/**
 * Puts the previous release back (the exact commit recorded before the deploy) and runs
 * the health checks on it. Throws ROLLBACK_FAILED when production could not be moved.
 */
export async function rollbackStep(run: ReleaseRun, reason: string): Promise<RollbackResult> {
  const provider = run.provider;
  const previous = await previousTarget(run);
  let result: RollbackResult | null = null;
  run.detachFromCancel();
  await run.step('rollback', `Roll back to ${previous?.tag ?? 'the previous release'}`, async () => {
    run.log('rollback', `rolling back: ${reason}`);
    if (!previous) {
      throw new ShipgateError('ROLLBACK_FAILED', `there is no previous release to return to: production runs ${run.tag}`, { hint: 'fix forward: release a corrected version' });
    }
    const base = deployInput(run, 'rollback');
    const moved = await provider.rollback({ ...base, release: releaseTarget(run), previous, to: previous });
    run.fact('productionNow', previous.tag);
    const health = await healthChecksStep(run, 'rollback', previous.version).catch((error: unknown) => {
      if (error instanceof ShipgateError && error.code === 'HEALTH_FAILED') return { passed: false, failure: error.message };
      throw error;
    });
    const healthy = health === null || health.passed;
    result = { to: previous.version, healthy, at: run.ctx.clock.now().toISOString() };
    if (!healthy) {
      const why = 'failure' in health! ? health.failure : '';
      throw new ShipgateError('ROLLBACK_FAILED', `production runs ${previous.tag} again, but its health checks fail too: ${why}`, {
        hint: `production is unhealthy on ${previous.tag}: investigate now (the failed ${run.tag} is not running)`,
      });
    }
    return { detail: `${moved.detail}; health checks pass on ${previous.tag}` };
  });
  return result!;
}
