// At start: a release the previous process left running becomes `interrupted` in the step it
// was in (resume continues from there); one that never started is cancelled.
import type { Services } from '../services.js';
import { ReleaseTracker } from './release-tracker.js';

export async function recoverReleases(svc: Services): Promise<number> {
  const stale = await svc.releases.inStatuses(['queued', 'running', 'monitoring', 'rolling_back']);
  for (const release of stale) {
    const tracker = new ReleaseTracker(svc, release.id, release.status, release.currentStep);
    if (release.status === 'queued') {
      await tracker.moveTo('cancelled', 'the server stopped before the release started');
      continue;
    }
    const step = release.currentStep;
    await tracker.moveTo('interrupted', `the server stopped during ${step ?? 'the release'}`, { interruptedStep: step });
    if (step) await svc.releases.updateStep(release.id, step, { status: 'pending', detail: 'interrupted: resume runs this step again' });
  }
  await svc.eventLog.flush();
  return stale.length;
}

/** Graceful stop: wait for running steps up to graceMs, then mark what is left interrupted. */
export async function stopReleases(svc: Services, graceMs: number): Promise<void> {
  const runs = [...svc.running.values()];
  if (runs.length > 0) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.all(runs.map((r) => r.done)), timeout]);
    clearTimeout(timer);
  }
  for (const run of svc.running.values()) {
    await run.tracker.interrupt('the server was stopped');
    const step = run.tracker.currentStep;
    if (step) await svc.releases.updateStep(run.tracker.releaseId, step, { status: 'pending', detail: 'interrupted: resume runs this step again' });
  }
  svc.running.clear();
  await svc.eventLog.flush();
}
