// GET /api/me: who the caller is, their role server-wide and on each project (for the UI).
import type { FastifyInstance } from 'fastify';
import type { MeDto } from '@shipgate/contract';
import { roleOf } from '../auth/role-rules.js';
import { errors } from '../schemas/api-schemas.js';

const role = { type: 'string', enum: ['viewer', 'deployer', 'admin'] } as const;
const meSchema = {
  type: 'object',
  required: ['id', 'name', 'email', 'role', 'via', 'projectRoles'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: { type: ['string', 'null'] },
    role,
    via: { type: 'string', enum: ['oidc', 'token'] },
    projectRoles: { type: 'object', additionalProperties: role },
  },
} as const;

export function meRoutes(app: FastifyInstance): void {
  app.get('/api/me', { config: { role: 'viewer' }, schema: { tags: ['session'], summary: 'Who is signed in, and their roles', response: { 200: meSchema, ...errors(401) } } }, async (request): Promise<MeDto> => {
    const p = request.principal!;
    const projectRoles = Object.fromEntries((await app.services.projects.list()).map((project) => [project.id, roleOf(p, app.settings, project)]));
    return { id: p.id, name: p.name, email: p.email, role: request.role!, via: p.via, projectRoles };
  });
}
