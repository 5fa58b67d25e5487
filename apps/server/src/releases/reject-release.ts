// POST /api/releases/:id/reject {reason} (CONTRACT §7): a release awaiting approval ends
// `rejected` (final; the project's slot is free). The requester withdraws with cancel instead.
import { HttpError } from '../http-error.js';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';
import { awaitedState, type Approver } from './approve-release.js';
import { ReleaseTracker } from './release-tracker.js';

export async function rejectRelease(svc: Services, id: string, by: Approver, reason: string): Promise<ReleaseRecord> {
  const { release, state } = await awaitedState(svc, id);
  if (release.actorId === by.id) throw new HttpError(403, 'self_approval', 'you requested this release; cancel it to withdraw it, someone else may reject it');
  const tracker = new ReleaseTracker(svc, id, 'awaiting_approval');
  try {
    await tracker.moveTo('rejected', `rejected by ${by.name}: ${reason}`, { reason, currentStep: null });
  } catch {
    throw new HttpError(409, 'not_awaiting_approval', `this release is ${(await svc.releases.get(id))?.status ?? 'gone'}, not awaiting approval`);
  }
  await svc.approvals.reject({ releaseId: id, actor: by.name, actorId: by.id, commit: state.request.commit, version: release.version, comment: reason, at: new Date().toISOString() });
  await svc.audit.record({ actor: by, action: 'reject', projectId: release.projectId, releaseId: id, reason, detail: { commit: state.request.commit, version: release.version } });
  return await svc.releases.get(id) ?? release;
}
