// Releases: promote, list (cursor pagination, newest first), one release, its events.
import { RELEASE_STATUSES, type ReleaseStatus } from '@shipgate/core';
import type { FastifyInstance } from 'fastify';
import { paramProject, releaseProject } from '../plugins/auth.js';
import type { PromoteBody } from '@shipgate/contract';
import { notFound } from '../http-error.js';
import { promoteGuard, type PromoteGuard } from '../guardrails/promote-guard.js';
import { guardrailsFor } from '../settings/guardrails-for.js';
import { ListCache } from '../releases/list-cache.js';
import { lockOf } from '../guardrails/lock-of.js';
import { promoteRelease } from '../releases/promote-release.js';
import { requestRoles } from '../auth/request-roles.js';
import { releaseView, toReleaseDto, type RoleOn } from '../releases/to-release-dto.js';
import { approvalsRequired } from '../guardrails/approvals-required.js';
import { errors, eventSchema, idParams, promoteBodySchema, releaseSchema } from '../schemas/api-schemas.js';

/** The most events, and about the most bytes, one GET /events answer carries. */
export const EVENT_PAGE_MAX = 5000;
export const EVENT_PAGE_BYTES = 1024 * 1024;

interface ListQuery {
  project?: string;
  status?: ReleaseStatus;
  limit: number;
  cursor?: string;
}

export function releaseRoutes(app: FastifyInstance): void {
  const svc = app.services;
  const pages = new ListCache();

  app.post<{ Params: { id: string }; Body: PromoteBody | undefined }>(
    '/api/projects/:id/releases',
    {
      config: { role: 'deployer', projectOf: paramProject },
      schema: {
        tags: ['releases'],
        summary: 'Promote: start a release of the project',
        params: idParams,
        body: promoteBodySchema,
        response: { 202: releaseSchema, ...errors(400, 401, 403, 404, 409, 422, 423, 502) },
      },
      // a bodiless POST means "all defaults"; a JSON null body is NOT no body (it fails validation)
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request, reply) => {
      const project = await svc.projects.get(request.params.id);
      if (!project) throw notFound('project', request.params.id);
      const body = request.body ?? {};
      // a lock or a freeze refuses a promote before anything is planned or moved, and again right
      // before the release is inserted (one may begin while the promote waits for the clone)
      const { freezes } = guardrailsFor(svc.settings, project);
      let guard: PromoteGuard = { ok: true, overrode: null };
      const admit = async () =>
        (guard = promoteGuard({ lock: lockOf((await svc.projects.get(project.id)) ?? project), freezes, now: new Date(), mayOverride: request.role === 'admin', override: body.override && { reason: body.override.reason.trim().replace(/\s+/g, ' ') } }));
      const refuse = async (refusal: Extract<PromoteGuard, { ok: false }>) => {
        const { error, message, ...rest } = refusal.body;
        await svc.audit.record({ actor: request.principal, action: 'promote_refused', projectId: project.id, reason: message, detail: { error, ...rest } });
        return reply.code(refusal.status).send(refusal.body);
      };
      const first = await admit();
      if (!first.ok) return refuse(first);
      // approvals (CONTRACT §7): the release waits for them, holding the project; a dry run changes nothing and needs none
      const required = body.dryRun ? 0 : approvalsRequired(app.settings, project);
      const result = await promoteRelease(svc, project, body, request.principal!, required, admit);
      if (result.kind === 'refused') return refuse(result.guard);
      if (result.kind === 'conflict') {
        return reply.code(409).send({ error: 'release_in_progress', message: 'a release of this project is already active', releaseId: result.releaseId });
      }
      if (result.kind === 'blocked') {
        return reply.code(422).send({ error: 'blocked', message: result.plan.blockers.join('; ') || 'the release is blocked', blockers: result.plan.blockers, plan: result.plan });
      }
      await svc.audit.record({ actor: request.principal, action: 'promote', projectId: project.id, releaseId: result.release.id, detail: { bump: body.bump ?? null, dryRun: body.dryRun ?? false, ...(required > 0 ? { approvalsRequired: required } : {}) } });
      const overrode = guard.ok ? guard.overrode : null;
      if (overrode) {
        await svc.audit.record({ actor: request.principal, action: 'freeze_override', projectId: project.id, releaseId: result.release.id, reason: overrode.reason, detail: { freeze: overrode.freeze, until: overrode.until } });
      }
      return reply.code(202).send(toReleaseDto(result.release, await releaseView(svc, request.role, request.principal?.id ?? null, [result.release])));
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/api/releases',
    {
      schema: {
        tags: ['releases'],
        summary: 'Releases, newest first, one page at a time',
        querystring: {
          type: 'object',
          properties: {
            project: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' },
            status: { type: 'string', enum: RELEASE_STATUSES },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            cursor: { type: 'string', pattern: '^rel_[a-z0-9]{1,60}$', description: 'nextCursor of the previous page (a release id)' },
          },
        },
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: releaseSchema }, nextCursor: { type: ['string', 'null'] } } },
          ...errors(400, 401),
        },
      },
    },
    async (request, reply) => {
      const { project, status, limit, cursor } = request.query;
      // the actions depend on the caller's role and on what production runs (the projects table)
      // (per project: a project's own role rules apply to its releases here too)
      const roleOn = await requestRoles(app, request);
      const roles = (await svc.projects.list()).map((p) => roleOn(p.id)).join(',');
      // approve and reject depend on who asks and on the approvals
      const key = `${svc.releases.generation()} ${svc.projects.generation()} ${svc.approvals.generation()} ${roles} ${request.principal?.id} ${project} ${status} ${limit} ${cursor}`;
      let page = pages.get(key);
      if (page === undefined) pages.set(key, (page = Buffer.from(JSON.stringify(await listPage(roleOn, request.principal?.id ?? null, project, status, limit, cursor)))));
      return reply.type('application/json; charset=utf-8').send(page);
    },
  );

  // one page, cached until the next write to releases (the hot path of the dashboard)
  async function listPage(roleOn: RoleOn, callerId: string | null, project: string | undefined, status: ReleaseStatus | undefined, limit: number, cursor: string | undefined) {
    const rows = await svc.releases.list({
      limit: limit + 1,
      ...(project === undefined ? {} : { projectId: project }),
      ...(status === undefined ? {} : { status }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    const page = rows.slice(0, limit);
    const view = await releaseView(svc, roleOn, callerId, page);
    return { items: page.map((r) => toReleaseDto(r, view)), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  app.get<{ Params: { id: string } }>(
    '/api/releases/:id',
    { config: { role: 'viewer', projectOf: releaseProject }, schema: { tags: ['releases'], summary: 'One release', params: idParams, response: { 200: releaseSchema, ...errors(400, 401, 404) } } },
    async (request) => {
      const release = await svc.releases.get(request.params.id);
      if (!release) throw notFound('release', request.params.id);
      return toReleaseDto(release, await releaseView(svc, request.role, request.principal?.id ?? null, [release]));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after: number; limit: number } }>(
    '/api/releases/:id/events',
    {
      schema: {
        tags: ['releases'],
        summary: 'The events of a release after a sequence number, in order, one page at a time',
        description: `At most \`limit\` events and about ${EVENT_PAGE_BYTES / 1024} KB per answer; when more follow, the Link header (rel="next") names the next page (?after=<last seq>).`,
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            after: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: EVENT_PAGE_MAX, default: EVENT_PAGE_MAX },
          },
        },
        response: { 200: { type: 'array', items: eventSchema }, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await svc.releases.get(id))) throw notFound('release', id);
      await svc.eventLog.flush();
      const { after, limit } = request.query;
      const rows = await svc.events.after(id, after, limit + 1);
      const parts: string[] = [];
      let bytes = 2;
      let last = after;
      for (const row of rows.slice(0, limit)) {
        const data = row.data.startsWith('{') && row.data !== '{}' ? `,${row.data.slice(1)}` : '}';
        const part = `{"seq":${row.seq},"at":${JSON.stringify(row.at)}${data}`;
        if (parts.length > 0 && bytes + part.length > EVENT_PAGE_BYTES) break;
        parts.push(part);
        bytes += part.length + 1;
        last = row.seq;
      }
      if (parts.length < rows.length) reply.header('link', `</api/releases/${id}/events?after=${last}&limit=${limit}>; rel="next"`);
      return reply.type('application/json; charset=utf-8').send(`[${parts.join(',')}]`);
    },
  );
}
