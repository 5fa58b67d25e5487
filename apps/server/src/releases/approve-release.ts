// POST /api/releases/:id/approve (CONTRACT §7). An approval is for the exact commit of main and
// version the release is planned at: each approval syncs the release clone and plans again.
// When main moved since the release was planned, the approvals given so far stop counting
// (their rows stay, with why), the release is planned again from the new commit (the release
// says so), and this approval is refused with 409 `plan_changed`: nobody approves a commit
// they were not shown. The approval that completes the count starts the release (queued →
// running) with the plan just made, on the same path as a promote without approvals.
import type { ReleaseApproval } from '@shipgate/core';
import { HttpError, notFound } from '../http-error.js';
import { countingApprovals } from './to-approval-dto.js';
import type { ApprovalState } from '../repositories/approval-repository.js';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';
import { ReleaseTracker } from './release-tracker.js';
import { startPlannedRelease } from './start-planned-release.js';
import { promoteGuard } from '../guardrails/promote-guard.js';
import { lockOf } from '../guardrails/lock-of.js';
import { guardrailsFor } from '../settings/guardrails-for.js';

export interface Approver {
  id: string;
  name: string;
}

export interface ApproveResult {
  release: ReleaseRecord;
  /** This approval completed the count: the release started. */
  started: boolean;
}

const short = (sha: string) => sha.slice(0, 12);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The refusals every decision on a release awaiting approval shares, checked before and after waiting for the clone. */
export async function awaitedState(svc: Services, id: string): Promise<{ release: ReleaseRecord; state: ApprovalState }> {
  const release = await svc.releases.get(id);
  if (!release) throw notFound('release', id);
  const state = await svc.approvals.stateOf(id);
  if (release.status !== 'awaiting_approval' || !state) {
    throw new HttpError(409, 'not_awaiting_approval', `this release is ${release.status}, not awaiting approval`, { status: release.status });
  }
  return { release, state };
}

function refuseApproval(release: ReleaseRecord, state: ApprovalState, by: Approver): void {
  if (release.actorId === by.id) throw new HttpError(403, 'self_approval', `you requested this release; someone else must approve (${plural(state.request.required, 'approval')} by other people)`);
  if (countingApprovals(state).some((a) => a.actorId === by.id)) throw new HttpError(409, 'already_approved', 'you approved this release already; someone else must give the next approval');
}

export async function approveRelease(svc: Services, id: string, by: Approver, comment: string | null): Promise<ApproveResult> {
  const first = await awaitedState(svc, id);
  refuseApproval(first.release, first.state, by);
  const project = await svc.projects.get(first.release.projectId);
  if (!project) throw new HttpError(409, 'project_missing', `the project "${first.release.projectId}" of this release is no longer registered`);
  // one decision at a time per project: two last approvals cannot both start the release
  return svc.clones.withClone(project, 'release', async (dir): Promise<ApproveResult> => {
    const { release, state } = await awaitedState(svc, id);
    refuseApproval(release, state, by);
    await svc.clones.sync(project, dir);
    const ctx = svc.engine.createContext({ emit: () => {}, env: svc.env });
    const { plan, config } = await svc.engine.planRelease({
      repoDir: dir,
      ctx,
      ...(release.spec === null ? {} : { spec: release.spec }),
      ...(release.bump === null ? {} : { bump: release.bump }),
      ...(state.request.allowUnvalidated === null ? {} : { allowUnvalidated: { reason: state.request.allowUnvalidated, by: release.actor } }),
    });
    const now = new Date().toISOString();
    if (plan.head !== state.request.commit || plan.nextVersion !== release.version) {
      const voided = countingApprovals(state);
      const moved = plan.head !== state.request.commit ? `main moved from ${short(state.request.commit)} to ${short(plan.head)}` : `the plan changed at ${short(plan.head)}`;
      const versions = `${release.version ?? 'nothing'} → ${plan.nextVersion ?? 'nothing to release'}`;
      const note = `${moved} before the last approval: planned again (${versions}); ${voided.length === 0 ? 'no approval was given yet' : `${voided.length === 1 ? 'the approval' : `the ${voided.length} approvals`} by ${voided.map((a) => a.actor).join(', ')} no longer ${voided.length === 1 ? 'counts' : 'count'}`}; ${plural(state.request.required, 'approval')} needed for ${short(plan.head)}`;
      await svc.approvals.replan(id, { commit: plan.head, plannedAt: now, note, voidReason: `${moved} before the last approval` });
      await svc.releases.update(id, { version: plan.nextVersion, tag: plan.tag });
      svc.eventLog.append(id, { type: 'release.status', status: 'awaiting_approval', reason: note });
      // the approvers are needed again, for the new commit
      void svc.notifier.notify('release.awaiting_approval', { projectId: release.projectId, releaseId: id, reason: note, actor: release.actor });
      await svc.audit.record({ actor: by, action: 'approvals_void', projectId: release.projectId, releaseId: id, reason: note, detail: { from: state.request.commit, to: plan.head, version: plan.nextVersion, voided: voided.map((a) => a.actorId) } });
      throw new HttpError(409, 'plan_changed', `${note}: review the new plan and approve again`, { releaseId: id, commit: plan.head, version: plan.nextVersion });
    }
    // the approval that completes the count starts the release: a lock or a freeze that began
    // since the request refuses it as it would refuse a promote (nothing recorded; approve again
    // once unlocked or after the freeze) — unless the request itself overrode that freeze
    if (countingApprovals(state).length + 1 >= state.request.required) await admitStart(svc, release);
    const recorded = await svc.approvals.approve({ releaseId: id, actor: by.name, actorId: by.id, commit: plan.head, version: plan.nextVersion, comment, at: now });
    if (!recorded) throw new HttpError(409, 'already_approved', 'you approved this release already; someone else must give the next approval');
    const after = await svc.approvals.stateOf(id);
    const counting = after ? countingApprovals(after) : [];
    await svc.audit.record({ actor: by, action: 'approve', projectId: release.projectId, releaseId: id, ...(comment ? { reason: comment } : {}), detail: { commit: plan.head, version: plan.nextVersion, count: counting.length, required: state.request.required } });
    const names = counting.map((a) => a.actor).join(', ');
    if (counting.length < state.request.required) {
      const left = state.request.required - counting.length;
      svc.eventLog.append(id, { type: 'release.status', status: 'awaiting_approval', reason: `approved by ${names} (${counting.length} of ${state.request.required}); waiting for ${plural(left, 'more approval')}` });
      return { release: (await svc.releases.get(id)) ?? release, started: false };
    }
    const tracker = new ReleaseTracker(svc, id, 'awaiting_approval');
    try {
      await tracker.moveTo('queued', `approved by ${names} for ${short(plan.head)}`);
    } catch {
      // cancelled or rejected while this approval was checked against main
      throw new HttpError(409, 'not_awaiting_approval', `this release is ${(await svc.releases.get(id))?.status ?? 'gone'}, not awaiting approval`);
    }
    await startPlannedRelease(svc, tracker, { repoDir: dir, config, plan, monitor: release.monitor, dryRun: release.dryRun, actor: release.actor, actorId: release.actorId ?? `name:${release.actor}`, approvals: (after?.decisions ?? []).filter((d) => d.decision === 'approve').map(toJournalApproval) });
    return { release: (await svc.releases.get(id)) ?? release, started: true };
  });
}

/** Whether a release whose approvals are complete may start now: 423 locked / frozen as for a promote. */
async function admitStart(svc: Services, release: ReleaseRecord): Promise<void> {
  const project = await svc.projects.get(release.projectId);
  if (!project) return;
  const guard = promoteGuard({ lock: lockOf(project), freezes: guardrailsFor(svc.settings, project).freezes, now: new Date(), mayOverride: false });
  if (guard.ok) return;
  const { error, message, ...rest } = guard.body;
  if (guard.body.error === 'frozen') {
    const frozen = guard.body.freeze;
    const overrides = (await svc.audit.ofRelease(project.id, release.id)).filter((e) => e.action === 'freeze_override');
    if (overrides.some((e) => e.detail?.['freeze'] === frozen)) return;
  }
  throw new HttpError(guard.status, error, `${message}; this approval would start the release, so it is not recorded: approve again ${error === 'locked' ? 'once the project is unlocked' : 'after the freeze'}`, rest);
}

function toJournalApproval(row: ApprovalState['decisions'][number]): ReleaseApproval {
  return { by: row.actor, at: row.at, commit: row.commit, version: row.version, ...(row.comment ? { comment: row.comment } : {}), ...(row.voidReason ? { void: row.voidReason } : {}) };
}
