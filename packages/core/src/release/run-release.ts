// Carries out a plan: gates → version → tag → push → deploy → health → report → monitor,
// as a list of named steps. Every step is idempotent (the journal in the git dir says what
// already happened), so running the same plan again finishes an interrupted release.
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { isShipgateError, ShipgateError } from '../errors.js';
import { openRepository, type RepositoryLayout } from '../git/repository.js';
import type { DeployProvider } from '../deploy/deploy-provider.js';
import type { ReleasePlan } from '../model/plan-types.js';
import { cancelledWords, cancelRequestOf } from '../model/cancel-request.js';
import type { ReleaseJournal } from './journal.js';
import type { ReleaseApproval } from '../model/journal-types.js';
import { resumeJournal } from './resume.js';
import { ReleaseRun } from './release-run.js';
import { finish, finishWithRollback, type ReleaseOutcome } from './release-outcome.js';
import { bumpVersionStep } from './steps/bump-version-step.js';
import { deployMayHaveHappened, deployStep } from './steps/deploy-step.js';
import { createGithubReleaseAfterChecks, publishGithubReleaseAfterMonitoring } from './steps/github-release-step.js';
import { healthChecksStep } from './steps/health-checks-step.js';
import { monitorStep, prepareMonitoring, type PreparedMonitoring } from './steps/monitor-step.js';
import { pushStep, releasePushed, undoLocalRelease } from './steps/push-step.js';
import { shipReportStep, writeShipRecord } from './steps/ship-report-step.js';
import { tagStep } from './steps/tag-step.js';
import { verifyGatesStep } from './steps/verify-gates-step.js';

export interface RunReleaseInput {
  repoDir: string;
  config: ShipgateConfig;
  plan: ReleasePlan;
  ctx: CoreContext;
  /** false skips post-deploy monitoring even when enabled in config (--no-monitor). */
  monitor?: boolean;
  dryRun?: boolean;
  /** Who releases it: a display name, and a stable id for the report. */
  actor?: string;
  actorId?: string;
  /** Who approved it (CONTRACT §7), for the journal and the ship report. */
  approvals?: ReleaseApproval[];
  /** Deploy with this provider instead of the configured built-in one (unit tests, embedders). */
  deployProvider?: DeployProvider;
  /** The plan's layout of repoDir (PlanResult.layout): the git dir is not looked up again. */
  layout?: RepositoryLayout;
}

export async function runRelease(input: RunReleaseInput): Promise<ReleaseOutcome> {
  const { plan, config, ctx } = input;
  if (plan.blocked || !plan.nextVersion || !plan.tag) {
    throw new ShipgateError('GATE_BLOCKED', plan.blockers.join('; ') || 'nothing to release', { hint: 'nothing was written or pushed; run shipgate plan to see every gate' });
  }
  const repo = openRepository(ctx, input.repoDir, config.git.remote, input.layout);
  const journal = await startJournal(input, repo);
  const run = new ReleaseRun(ctx, repo, config, plan, journal, input.deployProvider);
  if (plan.resuming) run.status = 'interrupted';
  if (input.dryRun) return dryRun(run);

  await run.setStatus('running', { reason: plan.resuming ? `resuming ${plan.tag}` : undefined });
  let deployed = false;
  try {
    await verifyGatesStep(run);
    await bumpVersionStep(run);
    await tagStep(run);
    await pushStep(run);
    let monitoring: PreparedMonitoring | null = null;
    const watch = input.monitor !== false && config.monitoring.enabled;
    await deployStep(run, watch ? async () => void (monitoring = await prepareMonitoring(run)) : undefined);
    deployed = true;
    await healthChecksStep(run, 'deploy', run.version);
    // the GitHub Release follows verification: a draft until monitoring passes, when it watches
    await createGithubReleaseAfterChecks(run, (monitoring as PreparedMonitoring | null) !== null);
    // production is healthy: a report that cannot be written is a loud warning, never a rollback
    let report = await shipReportStep(run).catch((error: unknown) => reportWarning(run, error));
    const prepared = monitoring as PreparedMonitoring | null;
    if (prepared) {
      run.chart = prepared.chart;
      await monitorStep(run, prepared);
      await publishGithubReleaseAfterMonitoring(run);
      report = await writeShipRecord(run, 'succeeded', null, prepared.chart(), 'monitored').catch((error: unknown) => reportWarning(run, error));
    } else if (config.monitoring.enabled) {
      run.skip('monitor', 'Watch production', 'skipped: monitoring was turned off for this release (--no-monitor)');
    }
    return await finish(run, 'succeeded', { report });
  } catch (error) {
    return await handleFailure(run, error, deployed);
  }
}

function reportWarning(run: ReleaseRun, error: unknown): null {
  run.log('ship-report', `the ship report was not written: ${error instanceof Error ? error.message : String(error)}; production is healthy and stays on ${run.tag}`, 'warn');
  return null;
}

async function handleFailure(run: ReleaseRun, error: unknown, deployed: boolean): Promise<ReleaseOutcome> {
  const cancelled = run.isCancelled() || (isShipgateError(error) && error.code === 'CANCELLED');
  const failure = isShipgateError(error) ? error : new ShipgateError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
  // who cancelled and why, read before the signal is dropped
  const words = cancelledWords(cancelRequestOf(run.ctx.signal));
  if (cancelled) run.detachFromCancel(); // what the remote holds is read, and undone, after the cancel
  // a deploy that started (or that the deploy target shows) may have changed production, even when cancelled halfway
  if (deployed || (cancelled && (await deployMayHaveHappened(run)))) {
    const reason = cancelled ? `the release was ${words}` : failure.message;
    return finishWithRollback(run, reason, cancelled ? 'cancelled' : 'rolled_back', failure);
  }
  if (cancelled) return cancelBeforeDeploy(run, failure, words);
  // a release that failed before deploying can be finished by running promote again
  const pushed = run.journal.steps.push === 'succeeded' || run.journal.steps.push === 'skipped';
  // blocked, or a rejected push that was undone locally: nothing to finish, the next promote plans afresh
  const nothingLeft = failure.code === 'GATE_BLOCKED' || (failure.code === 'PUSH_REJECTED' && run.journal.commit === null);
  if (pushed && failure.code === 'DEPLOY_FAILED') run.log('deploy', deployFailedNote(run), 'warn');
  return finish(run, 'failed', { reason: failure.message, error: failure, resumable: !nothingLeft });
}

/** What is known after a failed deploy: a deployment that may still be running is not "the previous release". */
function deployFailedNote(run: ReleaseRun): string {
  const started = run.journal.deployStarted;
  if (started?.tag === run.tag && started.status !== 'completed') {
    return `main and ${run.tag} are on ${run.repo.remote}; the deploy ${started.url ?? started.id} was last seen ${started.status ?? 'started'} and may still change production. Run shipgate promote again to follow that same deploy to its end (nothing is dispatched twice).`;
  }
  return `main and ${run.tag} are on ${run.repo.remote}; production still runs the previous release. Run shipgate promote again to finish ${run.tag}.`;
}

/**
 * A cancel before the deploy: an unpublished release commit and tag are undone locally; a
 * release already pushed stays resumable (promote again deploys it), and the log says so.
 */
async function cancelBeforeDeploy(run: ReleaseRun, failure: ShipgateError, words: string): Promise<ReleaseOutcome> {
  run.detachFromCancel();
  const pushed = await releasePushed(run);
  if (!pushed && run.journal.commit) await undoLocalRelease(run);
  if (pushed) {
    run.log('push', `${words} after ${run.tag} reached ${run.repo.remote}; production still runs the previous release. Run shipgate promote to deploy ${run.tag}.`, 'warn');
  }
  return finish(run, 'cancelled', {
    reason: pushed ? `${words} before the deploy; ${run.tag} is pushed but not deployed` : `${words} before anything was pushed or deployed`,
    error: failure,
    resumable: pushed,
  });
}

async function startJournal(input: RunReleaseInput, repo: ReturnType<typeof openRepository>): Promise<ReleaseJournal> {
  const { plan, ctx } = input;
  if (plan.resuming) {
    const found = await resumeJournal({ ctx, repo, config: input.config, head: plan.head, spec: plan.spec, tag: plan.tag });
    if (found?.source === 'journal') return found.journal;
    // no journal here: the plan found the release pushed but unfinished (a fresh clone, another machine)
    if (found) return { ...found.journal, ...(input.actor ? { actor: input.actor } : {}), ...(input.actorId ? { actorId: input.actorId } : {}), ...(input.approvals?.length ? { approvals: input.approvals } : {}) };
    throw new ShipgateError('GATE_BLOCKED', `${plan.tag} can no longer be resumed: the repository or the remote changed since the plan`, { hint: 'run shipgate plan again' });
  }
  return {
    version: plan.nextVersion!,
    tag: plan.tag!,
    previousVersion: plan.currentVersion,
    previousTag: plan.previousTag,
    head: plan.head,
    commit: null,
    previousDeployCommit: null,
    previousDeployRecorded: false,
    spec: plan.spec,
    changelogBody: plan.changelog,
    decision: { bump: plan.bump, bumpSource: plan.bumpSource, reasons: plan.reasons },
    status: 'queued',
    steps: {},
    startedAt: ctx.clock.now().toISOString(),
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.approvals?.length ? { approvals: input.approvals } : {}),
  };
}

/** A dry run walks the lifecycle like a release (running → succeeded) and changes nothing, not even the journal. */
async function dryRun(run: ReleaseRun): Promise<ReleaseOutcome> {
  run.dryRun = true;
  await run.setStatus('running', { reason: 'dry run: nothing is written or pushed' });
  for (const gate of run.plan.gates) run.ctx.emit({ type: 'gate.result', gate });
  for (const step of run.plan.steps) run.skip(step, step, `dry run: would run ${step}`);
  const outcome = await finish(run, 'succeeded', { reason: `dry run: ${run.tag} would be released` });
  return { ...outcome, commit: null, dryRun: true };
}
