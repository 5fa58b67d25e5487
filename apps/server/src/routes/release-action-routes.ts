// POST /api/releases/:id/{resume,cancel,rollback}: 202 with the release (for a rollback: the
// new rollback record, its own item in /api/releases).
import type { FastifyInstance } from 'fastify';
import type { RollbackBody } from '@shipgate/contract';
import { releaseProject } from '../plugins/auth.js';
import { cancelRelease, resumeRelease, rollbackRelease } from '../releases/release-actions.js';
import { releaseView, toReleaseDto } from '../releases/to-release-dto.js';
import { errors, idParams, reasonBodySchema, releaseSchema, rollbackBodySchema } from '../schemas/api-schemas.js';

const ACTIONS = {
  resume: { summary: 'Continue an interrupted release from its first unfinished step' },
  cancel: { summary: 'Stop the running step and roll back what was deployed' },
  rollback: { summary: 'Put back what production ran before this release: a new rollback record (kind "rollback")' },
} as const;

export function releaseActionRoutes(app: FastifyInstance): void {
  for (const [name, action] of Object.entries(ACTIONS)) {
    app.post<{ Params: { id: string }; Body: RollbackBody | undefined }>(
      `/api/releases/:id/${name}`,
      {
        config: { role: 'deployer', projectOf: releaseProject },
        schema: {
          tags: ['releases'],
          summary: action.summary,
          params: idParams,
          body: name === 'rollback' ? rollbackBodySchema : reasonBodySchema,
          response: { 202: releaseSchema, ...errors(400, 401, 403, 404, 409) },
        },
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) => {
        const svc = app.services;
        const { id } = request.params;
        const by = { name: request.principal!.name, reason: request.body?.reason };
        const release = name === 'resume' ? await resumeRelease(svc, id, by) : name === 'cancel' ? await cancelRelease(svc, id, by) : await rollbackRelease(svc, id, request.body ?? {}, request.principal!);
        await svc.audit.record({ actor: request.principal, action: name, projectId: release.projectId, releaseId: name === 'rollback' ? (release.rollbackOf ?? release.id) : release.id, reason: request.body?.reason, ...(name === 'rollback' ? { detail: { rollbackId: release.id } } : {}) });
        return reply.code(202).send(toReleaseDto(release, await releaseView(svc, request.role, request.principal?.id ?? null, [release])));
      },
    );
  }
}
