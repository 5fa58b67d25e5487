// `lockAfterRollback: true` (CONTRACT §7): when a release is rolled back automatically (its
// health checks or monitoring failed), Shipgate locks the project so the next promote does not
// ship the same bad commit again. A manual rollback is a person's decision and never locks; a
// project already locked keeps its lock (and who set it). Audited as Shipgate's own decision,
// with the release, so the release's ship report lists it too; notified as project.locked.
import type { ProjectLockDto } from '@shipgate/contract';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';
import { guardrailsFor } from '../settings/guardrails-for.js';

/** Who Shipgate's own decisions are recorded as. */
export const SHIPGATE_ACTOR = { id: 'system:shipgate', name: 'Shipgate' } as const;

/** Locks the project of an automatically rolled-back release when its guardrails say so; the lock set, or null. */
export async function lockAfterRollback(svc: Services, release: ReleaseRecord): Promise<ProjectLockDto | null> {
  if (release.kind !== 'release' || release.dryRun || release.status !== 'rolled_back') return null;
  const project = await svc.projects.get(release.projectId);
  if (!project || !guardrailsFor(svc.settings, project).lockAfterRollback) return null;
  const what = release.tag ?? (release.version ? `v${release.version}` : 'the release');
  const lock = { reason: `${what} was rolled back automatically: unlock when the fix is in`, by: SHIPGATE_ACTOR.name, since: new Date().toISOString(), automatic: true };
  if (!(await svc.projects.lockIfUnlocked(project.id, lock))) return null;
  await svc.audit.record({ actor: SHIPGATE_ACTOR, action: 'lock', projectId: project.id, releaseId: release.id, reason: lock.reason, detail: { automatic: true, lockAfterRollback: true } });
  void svc.notifier.notify('project.locked', { projectId: project.id, releaseId: release.id, reason: lock.reason, actor: SHIPGATE_ACTOR.name });
  return lock;
}
