// History filters live in the URL query (?project=…&status=…) so reload and shared links keep them.
import { RELEASE_STATUSES } from '@shipgate/contract';
import type { ReleaseFilters } from '../../api/releases';

export function filtersFromSearch(search: string): ReleaseFilters {
  const params = new URLSearchParams(search);
  const filters: ReleaseFilters = {};
  const project = params.get('project');
  const status = params.get('status');
  if (project) filters.project = project;
  if (status && (RELEASE_STATUSES as readonly string[]).includes(status)) filters.status = status;
  return filters;
}

export function searchFromFilters(filters: ReleaseFilters): string {
  const params = new URLSearchParams();
  if (filters.project) params.set('project', filters.project);
  if (filters.status) params.set('status', filters.status);
  const text = params.toString();
  return text ? `?${text}` : '';
}
