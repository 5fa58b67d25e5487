// POST /api/releases/:id/approve {comment?} and /reject {reason} (CONTRACT §7): 200 the release.
// Refusals: 403 self_approval (the requester), 409 already_approved, 409 not_awaiting_approval,
// 409 plan_changed (main moved since the release was planned: the approvals so far stopped
// counting and the release was planned again; approve the new plan).
import type { ApproveBody, RejectBody } from '@shipgate/contract';
import type { FastifyInstance } from 'fastify';
import { releaseProject } from '../plugins/auth.js';
import { approveRelease } from '../releases/approve-release.js';
import { rejectRelease } from '../releases/reject-release.js';
import { releaseView, toReleaseDto } from '../releases/to-release-dto.js';
import { approveBodySchema, errors, idParams, rejectBodySchema, releaseSchema } from '../schemas/api-schemas.js';

const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ');

export function approvalRoutes(app: FastifyInstance): void {
  const svc = app.services;

  app.post<{ Params: { id: string }; Body: ApproveBody | undefined }>(
    '/api/releases/:id/approve',
    {
      config: { role: 'deployer', projectOf: releaseProject },
      schema: {
        tags: ['releases'],
        summary: 'Approve a release awaiting approval (for the commit of main it is planned at); the last approval needed starts it',
        params: idParams,
        body: approveBodySchema,
        response: { 200: releaseSchema, ...errors(400, 401, 403, 404, 409, 423) },
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const comment = request.body?.comment ? oneLine(request.body.comment) : '';
      const { release } = await approveRelease(svc, request.params.id, request.principal!, comment || null);
      return toReleaseDto(release, await releaseView(svc, request.role, request.principal?.id ?? null, [release]));
    },
  );

  app.post<{ Params: { id: string }; Body: RejectBody }>(
    '/api/releases/:id/reject',
    {
      config: { role: 'deployer', projectOf: releaseProject },
      schema: {
        tags: ['releases'],
        summary: 'Reject a release awaiting approval, with a reason: it ends rejected and frees the project',
        params: idParams,
        body: rejectBodySchema,
        response: { 200: releaseSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const release = await rejectRelease(svc, request.params.id, request.principal!, oneLine(request.body.reason));
      return toReleaseDto(release, await releaseView(svc, request.role, request.principal?.id ?? null, [release]));
    },
  );
}
