// Projects and their plans: fetchers and queryOptions factories.
import type { PromoteBody } from '@shipgate/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from './http';
import type { PlanDto, ProjectDto, ReleaseDto } from './types';

export const fetchProjects = () => getJson<ProjectDto[]>('/api/projects');
export const fetchPlan = (projectId: string) => getJson<PlanDto>(`/api/projects/${encodeURIComponent(projectId)}/plan`);

export const projectsQuery = () => queryOptions({ queryKey: ['projects'], queryFn: fetchProjects });
export const planQuery = (projectId: string) =>
  queryOptions({ queryKey: ['projects', projectId, 'plan'], queryFn: () => fetchPlan(projectId), staleTime: 5_000 });

export async function promoteProject(projectId: string, body: PromoteBody = {}): Promise<ReleaseDto> {
  const release = await sendJson<ReleaseDto>('POST', `/api/projects/${encodeURIComponent(projectId)}/releases`, body);
  if (!release) throw new Error('the server answered without a release');
  return release;
}

/** Locks the project: promotes are refused (423) until it is unlocked. */
export const lockProject = (projectId: string, reason: string) => sendJson<ProjectDto>('POST', `/api/projects/${encodeURIComponent(projectId)}/lock`, { reason });
export const unlockProject = (projectId: string) => sendJson<ProjectDto>('DELETE', `/api/projects/${encodeURIComponent(projectId)}/lock`);
