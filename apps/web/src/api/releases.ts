// Releases: one, the paginated history, and the actions on a release.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from './http';
import { isLiveStatus, type ApproveBody, type RejectBody, type RollbackBody } from '@shipgate/contract';
import type { ReleaseAction, ReleaseDto, ReleaseListDto } from './types';

export interface ReleaseFilters {
  project?: string;
  status?: string;
}

const enc = encodeURIComponent;

export const fetchRelease = (id: string) => getJson<ReleaseDto>(`/api/releases/${enc(id)}`);

export function fetchReleasePage(filters: ReleaseFilters, cursor: string | null): Promise<ReleaseListDto> {
  const params = new URLSearchParams({ limit: '20' });
  if (filters.project) params.set('project', filters.project);
  if (filters.status) params.set('status', filters.status);
  if (cursor) params.set('cursor', cursor);
  return getJson<ReleaseListDto>(`/api/releases?${params}`);
}

export const releaseQuery = (id: string) => queryOptions({ queryKey: ['releases', 'one', id], queryFn: () => fetchRelease(id) });

export const releaseHistoryQuery = (filters: ReleaseFilters) =>
  infiniteQueryOptions({
    queryKey: ['releases', 'history', filters],
    queryFn: ({ pageParam }) => fetchReleasePage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** Prefix of every release query: invalidated when any release changes status. */
export const allReleasesKey = () => ['releases'] as const;

/** POSTs one of the release's `actions` (the server answers with the release, or the new rollback record). */
export const runAction = (id: string, action: ReleaseAction, body?: RollbackBody) => sendJson<ReleaseDto>('POST', `/api/releases/${enc(id)}/${action}`, body);

/** Approves a release awaiting approval (comment optional); 409 plan_changed when main moved since it was planned. */
export const approveRelease = (id: string, comment: string) => sendJson<ReleaseDto>('POST', `/api/releases/${enc(id)}/approve`, (comment ? { comment } : {}) satisfies ApproveBody);

/** Rejects a release awaiting approval: it ends rejected. */
export const rejectRelease = (id: string, reason: string) => sendJson<ReleaseDto>('POST', `/api/releases/${enc(id)}/reject`, { reason } satisfies RejectBody);

/** Work is under way right now (the contract's lifecycle says which statuses). */
export const isActive = (release: Pick<ReleaseDto, 'status'>) => isLiveStatus(release.status);
