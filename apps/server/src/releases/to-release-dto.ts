// Database rows → the release object of the API (CONTRACT §4), with what the caller may do
// with it now (core's allowedActions decides).
import { allowedActions, type Role } from '@shipgate/core';
import type { ReleaseDto } from '@shipgate/contract';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';

/** Who asks, and which release production runs per project (only that one can be rolled back). */
export interface DtoView {
  role: Role | string | null;
  productionReleaseId(projectId: string): string | null;
}

/** The view of one request: production's release per project, looked up once each. */
export function dtoView(svc: Services, role: Role | string | null): DtoView {
  const known = new Map<string, string | null>();
  return {
    role,
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
    actions: allowedActions(facts, view.role),
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
