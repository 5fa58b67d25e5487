// Database rows → the release object of the API (CONTRACT §4), with what the caller may do
// with it now (core's allowedActions decides).
import { allowedActions, type Role } from '@shipgate/core';
import type { ReleaseDto } from '@shipgate/contract';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';

/** The caller's role on each project (per-project rules apply), or one role for all. */
export type RoleOn = Role | null | ((projectId: string) => Role | null);

/** Who asks, and which release production runs per project (only that one can be rolled back). */
export interface DtoView {
  roleOn(projectId: string): Role | null;
  productionReleaseId(projectId: string): string | null;
}

/** The view of one request: the caller's role and production's release per project, looked up once each. */
export function dtoView(svc: Services, role: RoleOn): DtoView {
  const known = new Map<string, string | null>();
  return {
    roleOn: typeof role === 'function' ? role : () => role,
    productionReleaseId(projectId) {
      if (!known.has(projectId)) known.set(projectId, svc.releases.productionReleaseId(projectId, svc.projects.get(projectId)?.productionVersion ?? null));
      return known.get(projectId) ?? null;
    },
  };
}

export function toReleaseDto(r: ReleaseRecord, view: DtoView): ReleaseDto {
  const facts = { status: r.status, kind: r.kind, dryRun: r.dryRun, rolledBackBy: r.rolledBackBy, inProduction: view.productionReleaseId(r.projectId) === r.id };
  return {
    id: r.id,
    projectId: r.projectId,
    kind: r.kind,
    status: r.status,
    actions: allowedActions(facts, view.roleOn(r.projectId)),
    reason: r.reason,
    rolledBackBy: r.rolledBackBy,
    rollbackOf: r.rollbackOf,
    version: r.version,
    previousVersion: r.previousVersion,
    tag: r.tag,
    commit: r.commit,
    actor: r.actor,
    actorId: r.actorId ?? null,
    bump: r.bump,
    spec: r.spec,
    dryRun: r.dryRun,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    currentStep: r.currentStep,
    interruptedStep: r.interruptedStep,
    steps: r.steps.map((s) => ({ name: s.name, status: s.status, startedAt: s.startedAt, finishedAt: s.finishedAt, detail: s.detail })),
    error: r.error ?? null,
  };
}
