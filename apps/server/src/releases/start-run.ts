// Runs one engine job (release, resume, rollback) in the background, recording everything
// it emits through the release's tracker. The job's promise is kept for graceful shutdown.
import type { CancelRequest, CoreContext, ReleaseStatus } from '@shipgate/core';
import type { ReleaseOutcome } from '../engine.js';
import type { Services } from '../services.js';
import { ReleaseTracker } from './release-tracker.js';

export type EngineJob = (ctx: CoreContext) => Promise<ReleaseOutcome>;

export interface StartRunOptions {
  /** Prepares the run while it already counts as running (sync the clone, plan); returns the job. */
  prepare: (ctx: CoreContext) => Promise<EngineJob>;
  /** Status to move to before anything runs (throws when another writer got there first). */
  status: ReleaseStatus;
  /** Start with the signal aborted by this request: the engine cancels and rolls back what was deployed. */
  cancelled?: CancelRequest;
  /** Said with the first status (e.g. who resumed it and why). */
  reason?: string;
}

/** Resolves once the release moved to `options.status` and its run started in the background. */
export async function startRun(svc: Services, tracker: ReleaseTracker, options: StartRunOptions): Promise<void> {
  if (tracker.status !== options.status) await tracker.moveTo(options.status, options.reason);
  const abort = new AbortController();
  if (options.cancelled) abort.abort(options.cancelled);
  const ctx = svc.engine.createContext({ emit: tracker.emit, env: svc.env, signal: abort.signal });
  const done = (async () => {
    try {
      const job = await options.prepare(ctx);
      await tracker.finish(await job(ctx));
    } catch (error) {
      svc.log.warn({ err: error, releaseId: tracker.releaseId }, 'release run ended with an error');
      await tracker.fail(error).catch((failure: unknown) => svc.log.error({ err: failure, releaseId: tracker.releaseId }, 'could not record the failed release'));
    } finally {
      svc.running.delete(tracker.releaseId);
      await svc.eventLog.flush();
    }
  })();
  svc.running.set(tracker.releaseId, { tracker, abort, done });
}

export async function trackerFor(svc: Services, releaseId: string): Promise<ReleaseTracker | null> {
  const running = svc.running.get(releaseId);
  if (running) return running.tracker;
  const release = await svc.releases.get(releaseId);
  return release ? new ReleaseTracker(svc, release.id, release.status, release.currentStep) : null;
}
