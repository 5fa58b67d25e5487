// Releases: one, the paginated history, and the actions on a release.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from './http';
import type { ReleaseDto, ReleaseListDto } from './types';

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

export const cancelRelease = (id: string) => sendJson<unknown>('POST', `/api/releases/${enc(id)}/cancel`);
export const rollbackRelease = (id: string) => sendJson<unknown>('POST', `/api/releases/${enc(id)}/rollback`);
export const resumeRelease = (id: string) => sendJson<unknown>('POST', `/api/releases/${enc(id)}/resume`);

export const ACTIVE_STATUSES: readonly string[] = ['queued', 'running', 'monitoring', 'rolling_back'];
export const isActive = (release: Pick<ReleaseDto, 'status'>) => ACTIVE_STATUSES.includes(release.status);
