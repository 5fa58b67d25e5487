// POST /api/releases/:id/{resume,cancel,rollback}: 202 with the release.
import type { FastifyInstance } from 'fastify';
import { cancelRelease, resumeRelease, rollbackRelease } from '../releases/release-actions.js';
import { toReleaseDto } from '../releases/to-release-dto.js';
import { errors, idParams, releaseSchema } from '../schemas/api-schemas.js';

const ACTIONS = {
  resume: { run: resumeRelease, summary: 'Continue an interrupted release from its first unfinished step' },
  cancel: { run: cancelRelease, summary: 'Stop the running step and roll back what was deployed' },
  rollback: { run: rollbackRelease, summary: 'Re-deploy the release before this one' },
} as const;

export function releaseActionRoutes(app: FastifyInstance): void {
  for (const [name, action] of Object.entries(ACTIONS)) {
    app.post<{ Params: { id: string } }>(
      `/api/releases/:id/${name}`,
      {
        schema: {
          tags: ['releases'],
          summary: action.summary,
          params: idParams,
          response: { 202: releaseSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(202).send(toReleaseDto(await action.run(app.services, request.params.id))),
    );
  }
}
