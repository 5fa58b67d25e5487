// The caller's role on any project, for answers that span projects (release lists, the
// project list): the project's own role rules apply, as on that project's own routes.
// The projects are read once per request; the answer is then a plain lookup.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@shipgate/contract';
import { roleOf } from './role-rules.js';

export async function requestRoles(app: FastifyInstance, request: FastifyRequest): Promise<(projectId: string) => Role | null> {
  const principal = request.principal;
  if (principal === null) return () => null;
  const projects = new Map((await app.services.projects.list()).map((p) => [p.id, p]));
  const known = new Map<string, Role | null>();
  return (projectId) => {
    let role = known.get(projectId);
    if (role === undefined) {
      const project = projects.get(projectId);
      role = project ? roleOf(principal, app.settings, project) : (request.role as Role | null);
      known.set(projectId, role);
    }
    return role;
  };
}
