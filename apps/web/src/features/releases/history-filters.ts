// History filters live in the URL query (?project=…&status=…) so reload and shared links keep them.
import type { ReleaseFilters } from '../../api/releases';

export const STATUSES = ['queued', 'running', 'monitoring', 'succeeded', 'failed', 'rolling_back', 'rolled_back', 'cancelled', 'interrupted'];

export function filtersFromSearch(search: string): ReleaseFilters {
  const params = new URLSearchParams(search);
  const filters: ReleaseFilters = {};
  const project = params.get('project');
  const status = params.get('status');
  if (project) filters.project = project;
  if (status && STATUSES.includes(status)) filters.status = status;
  return filters;
}

export function searchFromFilters(filters: ReleaseFilters): string {
  const params = new URLSearchParams();
  if (filters.project) params.set('project', filters.project);
  if (filters.status) params.set('status', filters.status);
  const text = params.toString();
  return text ? `?${text}` : '';
}
