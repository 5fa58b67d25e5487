// A project row's lock as the API and the promote guard see it (CONTRACT §7), or null.
import type { ProjectLockDto } from '@shipgate/contract';
import type { ProjectRow } from '../repositories/project-repository.js';

export function lockOf(p: ProjectRow): ProjectLockDto | null {
  return p.lockReason === null ? null : { reason: p.lockReason, by: p.lockBy ?? 'someone', since: p.lockSince ?? p.createdAt, automatic: p.lockAutomatic };
}
