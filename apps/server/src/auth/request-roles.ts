// The caller's role on any project, for answers that span projects (release lists, the
// project list): the project's own role rules apply, as on that project's own routes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@shipgate/contract';
import { roleOf } from './role-rules.js';

export function requestRoles(app: FastifyInstance, request: FastifyRequest): (projectId: string) => Role | null {
  const principal = request.principal;
  const known = new Map<string, Role | null>();
  return (projectId) => {
    if (principal === null) return null;
    let role = known.get(projectId);
    if (role === undefined) {
      const project = app.services.projects.get(projectId);
      role = project ? roleOf(principal, app.settings, project) : (request.role as Role | null);
      known.set(projectId, role);
    }
    return role;
  };
}
