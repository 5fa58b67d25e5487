// /api/projects: list, register (POST { dir }) and plan.
import type { FastifyInstance } from 'fastify';
import type { ProjectDto } from '@shipgate/contract';
import { notFound } from '../http-error.js';
import { registerProject } from '../projects/register-project.js';
import { planProject } from '../releases/plan-project.js';
import { toReleaseDto } from '../releases/to-release-dto.js';
import type { ProjectRow } from '../repositories/project-repository.js';
import { errors, idParams, planSchema, projectSchema } from '../schemas/api-schemas.js';
import type { Services } from '../services.js';

function toProjectDto(svc: Services, p: ProjectRow): ProjectDto {
  const last = svc.releases.latest(p.id);
  const lastRelease = last ? svc.releases.get(last.id) : undefined;
  // production follows the last real release that moved it: a rolled-back one restored its predecessor
  const change = svc.releases.latestProductionChange(p.id);
  const fromHistory = change ? (change.status === 'rolled_back' ? change.previousVersion : change.version) : null;
  return {
    id: p.id,
    name: p.name,
    dir: p.dir,
    currentVersion: p.currentVersion ?? fromHistory ?? null,
    productionVersion: fromHistory ?? p.productionVersion ?? null,
    lastRelease: lastRelease ? toReleaseDto(lastRelease) : null,
  };
}

export function projectRoutes(app: FastifyInstance): void {
  const svc = app.services;
  const load = (id: string) => svc.projects.get(id) ?? (() => { throw notFound('project', id); })();

  app.get('/api/projects', { schema: { tags: ['projects'], summary: 'Registered projects', response: { 200: { type: 'array', items: projectSchema }, ...errors(401) } } }, async () =>
    svc.projects.list().map((p) => toProjectDto(svc, p)),
  );

  app.post<{ Body: { dir: string } }>(
    '/api/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Register a git work tree as a project',
        body: { type: 'object', required: ['dir'], additionalProperties: false, properties: { dir: { type: 'string', minLength: 1, maxLength: 4096 } } },
        response: { 200: projectSchema, 201: projectSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { project, created } = await registerProject(svc, request.body.dir);
      return reply.code(created ? 201 : 200).send(toProjectDto(svc, project));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/projects/:id',
    { schema: { tags: ['projects'], summary: 'One project', params: idParams, response: { 200: projectSchema, ...errors(401, 404) } } },
    async (request) => toProjectDto(svc, load(request.params.id)),
  );

  app.get<{ Params: { id: string }; Querystring: { bump?: string; spec?: string } }>(
    '/api/projects/:id/plan',
    {
      schema: {
        tags: ['projects'],
        summary: 'Preflight: the plan --json object (changes nothing)',
        params: idParams,
        querystring: {
          type: 'object',
          properties: { bump: { type: 'string', pattern: '^(auto|major|minor|patch|\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?)$' }, spec: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,200}$' } },
        },
        response: { 200: planSchema, ...errors(401, 404, 422, 502) },
      },
    },
    async (request) => {
      const { bump, spec } = request.query;
      return planProject(svc, load(request.params.id), { ...(bump ? { bump } : {}), ...(spec ? { spec } : {}) });
    },
  );
}
