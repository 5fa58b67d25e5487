// POST /api/projects/:id/releases: plan from the server's clone, then insert the release in
// one transaction. The database's partial unique index decides which promote wins.
import type { ReleasePlan } from '@shipgate/core';
import type { PromoteBody } from '@shipgate/contract';
import type { ProjectRow } from '../repositories/project-repository.js';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';
import { newReleaseId } from './new-release-id.js';
import { ReleaseTracker } from './release-tracker.js';
import { startRun } from './start-run.js';

export type PromoteResult =
  | { kind: 'accepted'; release: ReleaseRecord }
  | { kind: 'conflict'; releaseId: string | null }
  | { kind: 'blocked'; plan: ReleasePlan };

/** `by`: who promotes — `name` goes into the release, its report and git; `id` stays stable. */
export async function promoteRelease(svc: Services, project: ProjectRow, body: PromoteBody, by: { name: string; id: string }): Promise<PromoteResult> {
  const actor = by.name;
  const active = svc.releases.findActive(project.id);
  if (active) return { kind: 'conflict', releaseId: active.id };
  return svc.clones.withClone(project, 'release', async (dir): Promise<PromoteResult> => {
    // another promote may have won while this one waited for the clone
    const winner = svc.releases.findActive(project.id);
    if (winner) return { kind: 'conflict', releaseId: winner.id };
    await svc.clones.sync(project, dir);
    const ctx = svc.engine.createContext({ emit: () => {}, env: svc.env });
    const { plan, config } = await svc.engine.planRelease({
      repoDir: dir,
      ctx,
      ...(body.spec === undefined ? {} : { spec: body.spec }),
      ...(body.bump === undefined ? {} : { bump: body.bump }),
      ...(body.allowUnvalidated === undefined ? {} : { allowUnvalidated: { reason: body.allowUnvalidated.reason.trim().replace(/\s+/g, ' '), by: actor } }),
    });
    svc.projects.setPlannedVersion(project.id, plan.currentVersion);
    svc.projects.setProduction(project.id, plan.production);
    if (plan.blocked) return { kind: 'blocked', plan };
    const id = newReleaseId();
    const inserted = svc.releases.insert(
      {
        id,
        projectId: project.id,
        status: 'queued',
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
        createdAt: new Date().toISOString(),
      },
      plan.steps,
    );
    if (!inserted.ok) return { kind: 'conflict', releaseId: inserted.activeId };
    const tracker = new ReleaseTracker(svc, id, 'queued');
    svc.eventLog.append(id, { type: 'release.status', status: 'queued' });
    const run = { repoDir: dir, config, plan, monitor: body.monitor ?? true, dryRun: body.dryRun ?? false, actor, actorId: by.id };
    startRun(svc, tracker, { status: 'running', prepare: async () => (runCtx) => svc.engine.runRelease({ ...run, ctx: runCtx }) });
    const release = svc.releases.get(id);
    if (!release) throw new Error(`release ${id} vanished after insert`);
    return { kind: 'accepted', release };
  });
}
