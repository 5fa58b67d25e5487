// Database rows → the release object of the API (CONTRACT §4), with what the caller may do
// with it now (core's allowedActions decides) and its approvals (CONTRACT §7).
import { allowedActions, type Role } from '@shipgate/core';
import type { ReleaseDto } from '@shipgate/contract';
import type { ApprovalState } from '../repositories/approval-repository.js';
import type { ReleaseRecord } from '../repositories/release-repository.js';
import type { Services } from '../services.js';
import { callerPart, toApprovalDto } from './to-approval-dto.js';

/** The caller's role on each project (per-project rules apply), or one role for all. */
export type RoleOn = Role | null | ((projectId: string) => Role | null);

/** Who asks, and which release production runs per project (only that one can be rolled back). */
export interface DtoView {
  roleOn(projectId: string): Role | null;
  /** Who asks, stably (a principal's id): approve and reject depend on it. */
  callerId: string | null;
  /** Production's release per project (loadProduction fills it). */
  productionReleaseId(projectId: string): string | null;
  production: Map<string, string | null>;
  /** The approval state of the releases shown (loadApprovals fills it). */
  approvals: Map<string, ApprovalState>;
}

/** The view of one request: the caller's role and production's release per project, looked up once each. */
export function dtoView(svc: Services, role: RoleOn, callerId: string | null = null): DtoView {
  const production = new Map<string, string | null>();
  return {
    roleOn: typeof role === 'function' ? role : () => role,
    callerId,
    approvals: new Map(),
    production,
    productionReleaseId: (projectId) => production.get(projectId) ?? null,
  };
}

/** The release that put what production runs into production (only that one can be rolled back). */
export async function productionReleaseOf(svc: Services, projectId: string): Promise<string | null> {
  return await svc.releases.productionReleaseId(projectId, (await svc.projects.get(projectId))?.productionVersion ?? null);
}

/** Loads production's release of each project into the view (before toReleaseDto). */
export async function loadProduction(svc: Services, view: DtoView, projectIds: readonly string[]): Promise<DtoView> {
  for (const id of new Set(projectIds)) if (!view.production.has(id)) view.production.set(id, await productionReleaseOf(svc, id));
  return view;
}

/** Loads the approval state of `releases` into the view (before toReleaseDto). */
export async function loadApprovals(svc: Services, view: DtoView, releases: ReadonlyArray<{ id: string }>): Promise<DtoView> {
  const missing = releases.map((r) => r.id).filter((id) => !view.approvals.has(id));
  for (const [id, state] of await svc.approvals.statesOf(missing)) view.approvals.set(id, state);
  return view;
}

/** The view of one request (its role, who asks) with the approvals of `releases` loaded. */
export async function releaseView(svc: Services, role: RoleOn, callerId: string | null, releases: ReadonlyArray<{ id: string; projectId: string }>): Promise<DtoView> {
  const view = await loadProduction(svc, dtoView(svc, role, callerId), releases.map((r) => r.projectId));
  return loadApprovals(svc, view, releases);
}

export function toReleaseDto(r: ReleaseRecord, view: DtoView): ReleaseDto {
  const approval = view.approvals.get(r.id);
  const role = view.roleOn(r.projectId);
  const facts = { status: r.status, kind: r.kind, dryRun: r.dryRun, rolledBackBy: r.rolledBackBy, inProduction: view.productionReleaseId(r.projectId) === r.id, ...(approval ? { caller: callerPart(approval, r.actorId, view.callerId) } : {}) };
  return {
    id: r.id,
    projectId: r.projectId,
    kind: r.kind,
    status: r.status,
    actions: allowedActions(facts, role),
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
    approval: approval ? toApprovalDto(approval, facts, role) : null,
  };
}
