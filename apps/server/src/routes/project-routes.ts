// /api/projects: list, register (POST { dir }) and plan.
import type { FastifyInstance } from 'fastify';
import type { LockBody, ProjectDto } from '@shipgate/contract';
import { lockOf } from '../guardrails/lock-of.js';
import { projectFreeze } from '../guardrails/project-freeze.js';
import { notFound } from '../http-error.js';
import { paramProject } from '../plugins/auth.js';
import { registerProject } from '../projects/register-project.js';
import { planProject } from '../releases/plan-project.js';
import { requestRoles } from '../auth/request-roles.js';
import { loadProduction, releaseView, toReleaseDto, type RoleOn } from '../releases/to-release-dto.js';
import { approvalsRequired } from '../guardrails/approvals-required.js';
import type { ServerSettings } from '../settings/server-settings.js';
import type { ProjectRow } from '../repositories/project-repository.js';
import { errors, idParams, lockBodySchema, planSchema, projectSchema } from '../schemas/api-schemas.js';
import type { Services } from '../services.js';
import { guardrailsFor } from '../settings/guardrails-for.js';

async function toProjectDto(svc: Services, settings: ServerSettings, p: ProjectRow, role: RoleOn, callerId: string | null): Promise<ProjectDto> {
  const last = await svc.releases.latest(p.id);
  const lastRelease = last ? await svc.releases.get(last.id) : undefined;
  const view = await releaseView(svc, role, callerId, lastRelease ? [lastRelease] : []);
  // what core said production runs (productionNow at a plan, production.changed after a run): nothing computed here
  const known = p.productionVersion !== null || p.productionCommit !== null;
  const production = known ? { version: p.productionVersion, tag: p.productionTag, commit: p.productionCommit, since: p.productionSince, releaseId: (await loadProduction(svc, view, [p.id])).productionReleaseId(p.id) } : null;
  return {
    id: p.id,
    name: p.name,
    dir: p.dir,
    currentVersion: p.currentVersion,
    productionVersion: p.productionVersion,
    production,
    lastRelease: lastRelease ? toReleaseDto(lastRelease, view) : null,
    lock: lockOf(p),
    approvalsRequired: approvalsRequired(settings, p),
    freeze: projectFreeze(guardrailsFor(svc.settings, p).freezes, new Date()),
  };
}

export function projectRoutes(app: FastifyInstance): void {
  const svc = app.services;
  const load = async (id: string) => (await svc.projects.get(id)) ?? (() => { throw notFound('project', id); })();

  app.get('/api/projects', { schema: { tags: ['projects'], summary: 'Registered projects', response: { 200: { type: 'array', items: projectSchema }, ...errors(401) } } }, async (request) =>
    {
      const roleOn = await requestRoles(app, request);
      return Promise.all((await svc.projects.list()).map((p) => toProjectDto(svc, app.settings, p, roleOn, request.principal?.id ?? null)));
    },
  );

  app.post<{ Body: { dir: string } }>(
    '/api/projects',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['projects'],
        summary: 'Register a git work tree as a project',
        body: { type: 'object', required: ['dir'], additionalProperties: false, properties: { dir: { type: 'string', minLength: 1, maxLength: 4096 } } },
        response: { 200: projectSchema, 201: projectSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { project, created } = await registerProject(svc, request.body.dir);
      return reply.code(created ? 201 : 200).send(await toProjectDto(svc, app.settings, project, await requestRoles(app, request), request.principal?.id ?? null));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/projects/:id',
    { config: { role: 'viewer', projectOf: paramProject }, schema: { tags: ['projects'], summary: 'One project', params: idParams, response: { 200: projectSchema, ...errors(401, 404) } } },
    async (request) => toProjectDto(svc, app.settings, await load(request.params.id), await requestRoles(app, request), request.principal?.id ?? null),
  );

  app.post<{ Params: { id: string }; Body: LockBody }>(
    '/api/projects/:id/lock',
    {
      config: { role: 'deployer', projectOf: paramProject },
      schema: {
        tags: ['projects'],
        summary: 'Lock the project: promotes answer 423 until it is unlocked (rollbacks, cancels and resumes still work)',
        params: idParams,
        body: lockBodySchema,
        response: { 200: projectSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const project = await load(request.params.id);
      const reason = request.body.reason.trim();
      await svc.projects.setLock(project.id, { reason, by: request.principal!.name, since: new Date().toISOString(), automatic: false });
      await svc.audit.record({ actor: request.principal, action: 'lock', projectId: project.id, reason });
      void svc.notifier.notify('project.locked', { projectId: project.id, reason, actor: request.principal!.name });
      return toProjectDto(svc, app.settings, await load(project.id), await requestRoles(app, request), request.principal?.id ?? null);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/projects/:id/lock',
    { config: { role: 'deployer', projectOf: paramProject }, schema: { tags: ['projects'], summary: 'Unlock the project', params: idParams, response: { 200: projectSchema, ...errors(401, 403, 404) } } },
    async (request) => {
      const project = await load(request.params.id);
      const was = lockOf(project);
      await svc.projects.setLock(project.id, null);
      if (was) {
        await svc.audit.record({ actor: request.principal, action: 'unlock', projectId: project.id, reason: `was locked by ${was.by}: ${was.reason}` });
        void svc.notifier.notify('project.unlocked', { projectId: project.id, reason: `was locked by ${was.by}: ${was.reason}`, actor: request.principal!.name });
      }
      return toProjectDto(svc, app.settings, await load(project.id), await requestRoles(app, request), request.principal?.id ?? null);
    },
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
      return planProject(svc, await load(request.params.id), { ...(bump ? { bump } : {}), ...(spec ? { spec } : {}) });
    },
  );
}
