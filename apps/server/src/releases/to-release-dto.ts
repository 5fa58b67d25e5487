// Database rows → the release object of the API (CONTRACT §4).
import type { ReleaseDto } from '@shipgate/contract';
import type { ReleaseRecord } from '../repositories/release-repository.js';

export function toReleaseDto(r: ReleaseRecord): ReleaseDto {
  return {
    id: r.id,
    projectId: r.projectId,
    status: r.status,
    version: r.version,
    previousVersion: r.previousVersion,
    tag: r.tag,
    commit: r.commit,
    actor: r.actor,
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
