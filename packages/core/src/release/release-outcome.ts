import { isShipgateError, ShipgateError } from '../errors.js';
import type { ReleaseRun } from './release-run.js';
import { markGithubReleaseAfterRollback } from './steps/github-release-step.js';
import { rollbackStep } from './steps/rollback-step.js';
import { writeShipRecord } from './steps/ship-report-step.js';

export interface ReleaseOutcome {
  status: 'succeeded' | 'failed' | 'rolled_back' | 'cancelled';
  version: string | null;
  previousVersion: string | null;
  tag: string | null;
  commit: string | null;
  exitCode: number;
  error: { code: string; message: string; hint?: string; file?: string; line?: number; column?: number; field?: string } | null;
  report: string | null;
  /** The step that failed (deploy for a deploy-failed release), or null. */
  failedStep?: string | null;
  dryRun?: boolean;
  /** A deployment the release started that was last seen unfinished (its link): production may be changing. */
  deployInFlight?: string;
}

export function outcomeOf(run: ReleaseRun, report: string | null, error: ShipgateError | null): ReleaseOutcome {
  const status = run.status === 'succeeded' || run.status === 'rolled_back' || run.status === 'cancelled' ? run.status : 'failed';
  const exitCode = status === 'succeeded' ? 0 : status === 'rolled_back' ? 4 : error?.exitCode ?? 1;
  return {
    status,
    version: run.version,
    previousVersion: run.journal.previousVersion,
    tag: run.tag,
    commit: run.journal.commit,
    exitCode: status === 'cancelled' ? 1 : exitCode,
    error: error ? error.toJSON() : null,
    report,
    failedStep: (Object.entries(run.journal.steps).find(([, status]) => status === 'failed')?.[0] as string | undefined) ?? null,
    ...(inFlight(run) ? { deployInFlight: inFlight(run)! } : {}),
  };
}

function inFlight(run: ReleaseRun): string | null {
  const started = run.journal.deployStarted;
  return started && started.tag === run.tag && started.status !== 'completed' ? (started.url ?? started.id) : null;
}

/**
 * Rolls production back after a failed verification (or a cancel), re-checks health, writes
 * the ship report and state.yaml rollback record. rolled_back (exit 4) when the restored
 * version is healthy; failed (exit 1) otherwise, saying what production runs now.
 */
export async function finishWithRollback(run: ReleaseRun, reason: string, final: 'rolled_back' | 'cancelled', cause: ShipgateError | null = null): Promise<ReleaseOutcome> {
  run.setStatus('rolling_back', reason);
  run.journal.status = 'rolling_back';
  await run.saveJournal();
  let error = cause;
  let status: 'rolled_back' | 'cancelled' | 'failed' = final;
  let note = null;
  try {
    const result = await rollbackStep(run, reason);
    note = { to: result.to, at: result.at, reason, healthy: result.healthy };
  } catch (rollbackError) {
    status = 'failed';
    error = isShipgateError(rollbackError) ? rollbackError : new ShipgateError('ROLLBACK_FAILED', String(rollbackError));
    const moved = run.record.facts.productionNow !== undefined;
    run.log('rollback', moved ? `ROLLBACK FAILED: ${error.message}` : `ROLLBACK FAILED — production still runs ${run.tag}, the failed release: ${error.message}`, 'warn');
    if (run.record.facts.productionNow) note = { to: run.journal.previousDeployVersion ?? run.journal.previousVersion ?? '?', at: run.ctx.clock.now().toISOString(), reason, healthy: false };
  }
  await markGithubReleaseAfterRollback(run, run.record.facts.productionNow ?? null, reason);
  let report: string | null = null;
  try {
    report = await writeShipRecord(run, status, note, run.chart());
  } catch (reportError) {
    run.log('rollback', `could not write the ship report: ${reportError instanceof Error ? reportError.message : String(reportError)}`, 'warn');
  }
  if (status === 'failed') run.setStatus('failed', error?.message ?? reason);
  else run.setStatus(status, reason);
  run.journal.status = status;
  await run.saveJournal();
  return outcomeOf(run, report, error);
}
