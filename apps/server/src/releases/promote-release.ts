// POST /api/projects/:id/releases: plan from the server's clone, then insert the release in
// one transaction. The database's partial unique index decides which promote wins. With
// approvals required (CONTRACT §7) the release waits in `awaiting_approval`, holding the
// project, planned from the commit of main the approvals will be for; approve-release.ts starts it.
import type { ReleasePlan } from '@shipgate/core';
import type { PromoteBody } from '@shipgate/contract';
import type { PromoteGuard } from '../guardrails/promote-guard.js';
import type { ProjectRow } from '../repositories/project-repository.js';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';
import { insertApprovalRequest } from '../repositories/approval-repository.js';
import { newReleaseId } from './new-release-id.js';
import { ReleaseTracker } from './release-tracker.js';
import { startPlannedRelease } from './start-planned-release.js';

export type PromoteResult =
  | { kind: 'accepted'; release: ReleaseRecord }
  | { kind: 'conflict'; releaseId: string | null }
  | { kind: 'blocked'; plan: ReleasePlan }
  | { kind: 'refused'; guard: Extract<PromoteGuard, { ok: false }> };

/**
 * `by`: who promotes — `name` goes into the release, its report and git; `id` stays stable.
 * `approvalsRequired` > 0: the release awaits that many approvals by other people.
 * `admit`: the guardrails (lock, freeze), asked again right before the release is inserted — a
 * lock or a freeze may have begun while this promote waited for the clone.
 */
export async function promoteRelease(svc: Services, project: ProjectRow, body: PromoteBody, by: { name: string; id: string }, approvalsRequired = 0, admit?: () => PromoteGuard | Promise<PromoteGuard>): Promise<PromoteResult> {
  const actor = by.name;
  const active = await svc.releases.findActive(project.id);
  if (active) return { kind: 'conflict', releaseId: active.id };
  return svc.clones.withClone(project, 'release', async (dir): Promise<PromoteResult> => {
    // another promote may have won while this one waited for the clone
    const winner = await svc.releases.findActive(project.id);
    if (winner) return { kind: 'conflict', releaseId: winner.id };
    await svc.clones.sync(project, dir);
    const ctx = svc.engine.createContext({ emit: () => {}, env: svc.env });
    const unvalidatedReason = body.allowUnvalidated === undefined ? null : body.allowUnvalidated.reason.trim().replace(/\s+/g, ' ');
    const { plan, config } = await svc.engine.planRelease({
      repoDir: dir,
      ctx,
      ...(body.spec === undefined ? {} : { spec: body.spec }),
      ...(body.bump === undefined ? {} : { bump: body.bump }),
      ...(unvalidatedReason === null ? {} : { allowUnvalidated: { reason: unvalidatedReason, by: actor } }),
    });
    await svc.projects.setPlannedVersion(project.id, plan.currentVersion);
    await svc.projects.setProduction(project.id, plan.production);
    if (plan.blocked) return { kind: 'blocked', plan };
    const guard = await admit?.();
    if (guard && !guard.ok) return { kind: 'refused', guard };
    const id = newReleaseId();
    const awaiting = approvalsRequired > 0;
    const now = new Date().toISOString();
    const request = awaiting ? { releaseId: id, required: approvalsRequired, commit: plan.head, allowUnvalidated: unvalidatedReason, plannedAt: now } : null;
    const inserted = await svc.releases.insert(
      {
        id,
        projectId: project.id,
        status: awaiting ? 'awaiting_approval' : 'queued',
        actor,
        actorId: by.id,
        bump: body.bump ?? null,
        spec: body.spec ?? plan.spec?.slug ?? null,
        dryRun: body.dryRun ?? false,
        monitor: body.monitor ?? true,
        version: plan.nextVersion,
        // what production runs now (core's productionNow), not merely the previous tag; the deploy step confirms it
        previousVersion: plan.production?.version ?? plan.currentVersion,
        tag: plan.tag,
        createdAt: now,
      },
      plan.steps,
      request ? (tx) => insertApprovalRequest(tx, request) : undefined,
    );
    if (!inserted.ok) return { kind: 'conflict', releaseId: inserted.activeId };
    if (request) {
      const needs = `${approvalsRequired} approval${approvalsRequired === 1 ? '' : 's'}`;
      const reason = `waiting for ${needs} by someone other than ${actor}, for ${plan.tag ?? 'the release'} at ${plan.head.slice(0, 12)}`;
      svc.eventLog.append(id, { type: 'release.status', status: 'awaiting_approval', reason });
      // the insert is the status change here (no tracker moved it): tell the approvers
      void svc.notifier.notify('release.awaiting_approval', { projectId: project.id, releaseId: id, reason, actor });
    } else {
      const tracker = new ReleaseTracker(svc, id, 'queued');
      svc.eventLog.append(id, { type: 'release.status', status: 'queued' });
      await startPlannedRelease(svc, tracker, { repoDir: dir, config, plan, monitor: body.monitor ?? true, dryRun: body.dryRun ?? false, actor, actorId: by.id });
    }
    const release = await svc.releases.get(id);
    if (!release) throw new Error(`release ${id} vanished after insert`);
    return { kind: 'accepted', release };
  });
}
