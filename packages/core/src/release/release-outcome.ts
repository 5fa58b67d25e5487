import { isShipgateError, ShipgateError } from '../errors.js';
import type { ReleaseRun } from './release-run.js';
import { markGithubReleaseAfterRollback } from './steps/github-release-step.js';
import type { SetStatusOptions } from './status-keeper.js';
import { previousTarget } from './steps/deploy-step.js';
import { rollbackStep } from './steps/rollback-step.js';
import { shipReportPath, writeShipRecord } from './steps/ship-report-step.js';

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

/**
 * Ends the run: the final status (with the ship report and the error) is emitted once, as the
 * last event, and the outcome names the same status.
 */
export async function finish(
  run: ReleaseRun,
  status: ReleaseOutcome['status'],
  options: { reason?: string | undefined; error?: ShipgateError | null; report?: string | null; resumable?: boolean } = {},
): Promise<ReleaseOutcome> {
  const report = options.report ?? null;
  const set: SetStatusOptions = {
    reason: options.reason,
    error: options.error ?? null,
    report: report === null ? null : { file: shipReportPath(run), markdown: report },
    ...(options.resumable ? { resumable: true } : {}),
  };
  if (!run.dryRun) await tellProduction(run, status);
  await run.setStatus(status, set);
  return outcomeOf(run, report, options.error ?? null);
}

/** Where this run left production, told once before the final status (nothing when it never deployed). */
async function tellProduction(run: ReleaseRun, status: ReleaseOutcome['status']): Promise<void> {
  const at = run.ctx.clock.now().toISOString();
  const deployStarted = run.journal.steps.deploy !== undefined && run.journal.steps.deploy !== 'pending';
  if (run.record.facts.productionNow) {
    const previous = await previousTarget(run);
    if (previous) run.ctx.emit({ type: 'production.changed', ...previous, since: at, explanation: `${run.tag} was rolled back: production runs ${previous.tag} again` });
  } else if (status === 'succeeded' || (deployStarted && run.journal.steps.deploy === 'succeeded')) {
    const why = status === 'succeeded' ? `${run.tag} was released` : `${run.tag} was deployed and not rolled back (${status})`;
    run.ctx.emit({ type: 'production.changed', version: run.version, tag: run.tag, commit: run.journal.commit, since: run.journal.deployedAt ?? at, explanation: why });
  }
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
  await run.setStatus('rolling_back', { reason });
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
  return finish(run, status, { reason: status === 'failed' ? (error?.message ?? reason) : reason, error, report });
}
