// resume, cancel and rollback of an existing release (CONTRACT §4). Each first moves the
// release's status in the database (which refuses a second active release), then runs.
import { allowedActions, CancelRequest, cancelledWords, cancelRequestOf, deployProviderFor, loadConfig, refusalOf, type CoreContext } from '@shipgate/core';
import type { RollbackBody } from '@shipgate/contract';
import { HttpError, notFound } from '../http-error.js';
import { isUniqueViolation, type ReleaseRecord } from '../repositories/release-repository.js';
import type { ReleaseOutcome } from '../engine.js';
import type { Services } from '../services.js';
import { releaseInProgress } from './release-in-progress.js';
import { ReleaseTracker } from './release-tracker.js';
import { newReleaseId } from './new-release-id.js';
import { startRun, type EngineJob } from './start-run.js';
import { productionReleaseOf } from './to-release-dto.js';

async function load(svc: Services, id: string): Promise<{ release: ReleaseRecord; projectId: string }> {
  const release = await svc.releases.get(id);
  if (!release) throw notFound('release', id);
  return { release, projectId: release.projectId };
}

async function project(svc: Services, id: string) {
  const row = await svc.projects.get(id);
  if (!row) throw new HttpError(409, 'project_missing', `the project "${id}" of this release is no longer registered`);
  return row;
}

/** Runs `moveAndStart`, turning a lost race into 409 instead of a 500. */
async function guarded(svc: Services, release: ReleaseRecord, moveAndStart: () => Promise<void>): Promise<ReleaseRecord> {
  try {
    await moveAndStart();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw await releaseInProgress(svc, (await svc.releases.findActive(release.projectId))?.id ?? null);
    }
    if (error instanceof HttpError) throw error;
    throw new HttpError(409, 'release_changed', `the release changed while this request ran: ${(error as Error).message}`);
  }
  return (await svc.releases.get(release.id)) ?? release;
}

/**
 * Syncs the release clone and plans again (the engine resumes idempotently), then runs. For a
 * cancel, a plan that does not resume this release means nothing of it is pending in git:
 * the release ends cancelled without running anything.
 */
async function resumeJob(svc: Services, release: ReleaseRecord, options: { cancel?: boolean } = {}): Promise<(ctx: CoreContext) => Promise<EngineJob>> {
  const row = await project(svc, release.projectId);
  return (ctx) =>
    svc.clones.withClone(row, 'release', async (dir) => {
      await svc.clones.sync(row, dir);
      // an interrupted rollback record: finish that rollback from what the remote and the deploy
      // target hold; a cancel finishes it too, as production may already have moved
      if (release.kind === 'rollback') {
        if (options.cancel) ctx.emit({ type: 'step.log', step: 'rollback', line: 'a rollback under way is finished, not cancelled: production may already run the previous release', stream: 'warn' });
        return rollbackJob(svc, { id: release.id, rollbackOf: release.rollbackOf, version: release.version, previousVersion: release.previousVersion, actor: release.actor, actorId: release.actorId, reason: release.reason }, dir);
      }
      const { plan, config } = await svc.engine.planRelease({
        repoDir: dir,
        ctx,
        ...(release.spec === null ? {} : { spec: release.spec }),
        ...(release.bump === null ? {} : { bump: release.bump }),
      });
      if (options.cancel && (release.dryRun || !plan.resuming || plan.tag !== release.tag)) return async (runCtx) => nothingPending(release, runCtx);
      // a cancel never moves forward (the aborted signal stops the first step), so a gate that fails now does not keep it from undoing
      const runPlan = options.cancel ? { ...plan, blocked: false, blockers: [], blockedBy: [] } : plan;
      return (runCtx) => svc.engine.runRelease({ repoDir: dir, config, plan: runPlan, ctx: runCtx, monitor: release.monitor, dryRun: release.dryRun, actor: release.actor, ...(release.actorId ? { actorId: release.actorId } : {}) });
    });
}

function nothingPending(release: ReleaseRecord, ctx: CoreContext): ReleaseOutcome {
  const what = release.dryRun ? 'a dry run changes nothing' : `nothing of ${release.tag ?? 'it'} is pending on the remote`;
  ctx.emit({ type: 'release.status', status: 'cancelled', reason: `${cancelledWords(cancelRequestOf(ctx.signal))} while interrupted: ${what}` });
  return { status: 'cancelled', version: null, previousVersion: null, tag: null, commit: null, exitCode: 1, error: null, report: null, failedStep: null };
}

/** Who asks for a resume or a cancel, and why (said on the release's timeline and in its report). */
export interface ActionBy {
  name: string;
  reason?: string | undefined;
}

export async function resumeRelease(svc: Services, id: string, by: ActionBy = { name: 'deployer' }): Promise<ReleaseRecord> {
  const { release } = await load(svc, id);
  if (release.status !== 'interrupted') throw new HttpError(409, 'not_interrupted', `only an interrupted release can be resumed (this one is ${release.status})`);
  const prepare = await resumeJob(svc, release);
  const reason = by.reason ? `resumed by ${by.name}: ${by.reason}` : `resumed by ${by.name}`;
  return guarded(svc, release, () => startRun(svc, new ReleaseTracker(svc, id, release.status, release.interruptedStep), { status: 'running', prepare, reason }));
}

export async function cancelRelease(svc: Services, id: string, by: ActionBy = { name: 'deployer' }): Promise<ReleaseRecord> {
  const { release } = await load(svc, id);
  const request = new CancelRequest(by.name, by.reason ?? null);
  const running = svc.running.get(id);
  if (running) {
    running.abort.abort(request);
    return release;
  }
  if (release.status === 'queued') return guarded(svc, release, () => new ReleaseTracker(svc, id, 'queued').moveTo('cancelled', `${cancelledWords(request)} before it started`));
  // nothing ran yet: the project's slot is free again
  if (release.status === 'awaiting_approval') return guarded(svc, release, () => new ReleaseTracker(svc, id, 'awaiting_approval').moveTo('cancelled', `${cancelledWords(request)} while awaiting approval`, { currentStep: null }));
  if (release.status !== 'interrupted') throw new HttpError(409, 'not_cancellable', `${/^[aeiou]/.test(release.status) ? 'an' : 'a'} ${release.status} release cannot be cancelled`);
  const tracker = new ReleaseTracker(svc, id, release.status, release.interruptedStep);
  // an interrupted step may have happened (a push or a deploy whose answer was lost): the engine,
  // resumed with an aborted signal, reads the remote and the deploy target and undoes what did
  const prepare = await resumeJob(svc, release, { cancel: true });
  return guarded(svc, release, () => startRun(svc, tracker, { status: 'running', prepare, cancelled: request }));
}

/**
 * A manual rollback is its own run and record (CONTRACT §4): kind "rollback", who and why,
 * from → to, its own steps and report. The release it replaces keeps its status and outcome
 * and gains `rolledBackBy` once production was moved.
 */
export async function rollbackRelease(svc: Services, id: string, body: RollbackBody = {}, by: { name: string; id: string } = { name: 'deployer', id: 'token:deployer' }): Promise<ReleaseRecord> {
  const actor = by.name;
  const { release } = await load(svc, id);
  const facts = { status: release.status, kind: release.kind, dryRun: release.dryRun, rolledBackBy: release.rolledBackBy, inProduction: (await productionReleaseOf(svc, release.projectId)) === release.id };
  if (!allowedActions(facts, 'deployer').includes('rollback')) throw new HttpError(409, 'not_rollbackable', refusalOf(facts, 'rollback'));
  const row = await project(svc, release.projectId);
  await assertRollbackConfigured(svc, row.dir);
  const rollbackId = newReleaseId();
  const inserted = await svc.releases.insert(
    {
      id: rollbackId,
      projectId: release.projectId,
      kind: 'rollback',
      status: 'queued',
      actor,
      actorId: by.id,
      reason: body.reason ?? null,
      rollbackOf: release.id,
      // core decides and reports the exact target (facts); until then: what production ran before
      version: body.to?.replace(/^v/, '') ?? release.previousVersion,
      previousVersion: release.version,
      createdAt: new Date().toISOString(),
    },
    ['rollback', 'health-checks', 'ship-report'],
  );
  if (!inserted.ok) throw await releaseInProgress(svc, inserted.activeId);
  svc.eventLog.begin(rollbackId);
  svc.eventLog.append(rollbackId, { type: 'release.status', status: 'queued', ...(body.reason ? { reason: body.reason } : {}) });
  const prepare = (_ctx: CoreContext): Promise<EngineJob> =>
    svc.clones.withClone(row, 'release', async (dir) => {
      await svc.clones.sync(row, dir);
      // no plan: a rollback needs only the config, which core reads from the synced clone
      return rollbackJob(svc, { id: rollbackId, rollbackOf: release.id, version: body.to?.replace(/^v/, '') ?? release.previousVersion, previousVersion: release.version, actor, actorId: by.id, reason: body.reason ?? null }, dir, body.to);
    });
  await startRun(svc, new ReleaseTracker(svc, rollbackId, 'queued'), { status: 'running', prepare });
  const created = await svc.releases.get(rollbackId);
  if (!created) throw new Error(`rollback ${rollbackId} vanished after insert`);
  return created;
}

/**
 * The run of a rollback record: production goes back to `version` (the previous release, unless
 * that was rolled back itself: then the engine picks an older one and says so; `to` forces one).
 * A rollback that was interrupted is finished by the engine (its rollback journal, or production
 * already on the release before `previousVersion`). The release it replaced gains `rolledBackBy`.
 */
interface RollbackRun {
  id: string;
  rollbackOf: string | null;
  version: string | null;
  previousVersion: string | null;
  actor: string;
  actorId: string | null;
  reason: string | null;
}

function rollbackJob(svc: Services, rollback: RollbackRun, dir: string, to?: string): EngineJob {
  return async (runCtx) => {
    const { signal: _cancel, ...ctx } = runCtx; // a rollback is never stopped halfway
    const outcome = await svc.engine.rollbackRelease({
      repoDir: dir,
      ctx,
      ...(to ? { to } : rollback.version ? { preferred: rollback.version } : {}),
      ...(rollback.previousVersion ? { from: rollback.previousVersion } : {}),
      actor: rollback.actor,
      ...(rollback.actorId ? { actorId: rollback.actorId } : {}),
      ...(rollback.reason ? { reason: rollback.reason } : {}),
    });
    if (outcome.status === 'succeeded' && rollback.rollbackOf) await svc.releases.update(rollback.rollbackOf, { rolledBackBy: rollback.id });
    return outcome;
  };
}

/**
 * A deploy configuration that cannot roll back (a command deploy without rollbackCommand) is
 * refused before anything moves, so the release keeps its status (it would end "failed"
 * otherwise, with production untouched). A config that cannot be read here is judged by the run.
 */
async function assertRollbackConfigured(svc: Services, dir: string): Promise<void> {
  const ctx = svc.engine.createContext({ emit: () => {} });
  const config = await loadConfig(ctx.fs, dir).catch(() => null);
  const refusal = config && deployProviderFor(config.deploy.provider).cannotRollBack?.(config.deploy);
  if (refusal) throw new HttpError(409, 'not_rollbackable', `${refusal.message}: ${refusal.hint ?? 'roll back by hand'}`);
}
