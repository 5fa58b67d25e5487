// The audit trail (GET /api/audit), paged by cursor, filtered by project, actor and action.
import { infiniteQueryOptions } from '@tanstack/react-query';
import { getJson } from './http';
import type { AuditPageDto } from './types';

export interface AuditFilters {
  project?: string;
  actor?: string;
  action?: string;
}

export function auditPath(filters: AuditFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return `/api/audit?${params}`;
}

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => getJson<AuditPageDto>(auditPath(filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
