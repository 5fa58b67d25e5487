// The delivery log (CONTRACT §7): GET /api/projects/:id/deliveries (newest first) and
// POST /api/deliveries/:id/redeliver ("send again", deployer, audited). The target shows by
// name only: a Slack URL is a secret, and so is a webhook's signing key.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeliveryDto, Role } from '@shipgate/contract';
import { isAtLeast } from '../auth/role-rules.js';
import { HttpError, notFound } from '../http-error.js';
import { paramProject } from '../plugins/auth.js';
import type { DeliveryRow } from '../repositories/delivery-repository.js';
import { errors, idParams } from '../schemas/api-schemas.js';
import type { Services } from '../services.js';

const uuidParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } } } as const;
const nullableStr = { type: ['string', 'null'] } as const;

export const deliverySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    projectId: { type: 'string' },
    releaseId: nullableStr,
    type: { type: 'string' },
    target: { type: 'object', properties: { kind: { type: 'string', enum: ['webhook', 'slack'] }, name: { type: 'string' } } },
    status: { type: 'string', enum: ['pending', 'sending', 'delivered', 'failed'] },
    attempts: { type: 'integer' },
    maxAttempts: { type: 'integer' },
    lastError: nullableStr,
    lastStatus: { type: ['integer', 'null'] },
    nextAttemptAt: nullableStr,
    lastAttemptAt: nullableStr,
    createdAt: { type: 'string' },
    actions: { type: 'array', items: { type: 'string', enum: ['redeliver'] } },
  },
} as const;

export function toDeliveryDto(row: DeliveryRow, maxAttempts: number, role: Role | null): DeliveryDto {
  const done = row.status === 'delivered' || row.status === 'failed';
  return {
    id: row.id,
    projectId: row.projectId,
    releaseId: row.releaseId,
    type: row.type,
    target: { kind: row.targetKind, name: row.targetName },
    status: row.status,
    attempts: row.attempts,
    maxAttempts,
    lastError: row.lastError,
    lastStatus: row.lastStatus,
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    createdAt: row.createdAt,
    actions: done && role !== null && isAtLeast(role, 'deployer') ? ['redeliver'] : [],
  };
}

const deliveryProject = async (request: FastifyRequest, svc: Services) => (await svc.deliveries.get((request.params as { id: string }).id))?.projectId;

export function deliveryRoutes(app: FastifyInstance): void {
  const svc = app.services;

  app.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/api/projects/:id/deliveries',
    {
      config: { role: 'viewer', projectOf: paramProject },
      schema: {
        tags: ['notifications'],
        summary: "The project's notification deliveries, newest first: target, status, attempts, last error",
        params: idParams,
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } } },
        response: { 200: { type: 'array', items: deliverySchema }, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const project = await svc.projects.get(request.params.id);
      if (!project) throw notFound('project', request.params.id);
      const rows = await svc.deliveries.listForProject(project.id, request.query.limit);
      return rows.map((row) => toDeliveryDto(row, svc.notifier.maxAttempts, request.role));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/deliveries/:id/redeliver',
    {
      config: { role: 'deployer', projectOf: deliveryProject },
      schema: {
        tags: ['notifications'],
        summary: 'Send a delivered or failed notification again (same delivery id and body, fresh attempts)',
        params: uuidParams,
        response: { 202: deliverySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await svc.deliveries.get(id);
      if (!row) throw notFound('delivery', id);
      if (!(await svc.notifier.redeliver(id))) {
        throw new HttpError(409, 'delivery_pending', `this delivery is ${row.status === 'sending' ? 'being sent now' : `still queued (attempt ${row.attempts + 1} is due ${row.nextAttemptAt ?? 'soon'})`}: wait for its outcome`);
      }
      await svc.audit.record({ actor: request.principal, action: 'redeliver', projectId: row.projectId, releaseId: row.releaseId, detail: { deliveryId: id, type: row.type, target: row.targetName } });
      const queued = (await svc.deliveries.get(id)) ?? row;
      return reply.code(202).send(toDeliveryDto(queued, svc.notifier.maxAttempts, request.role));
    },
  );
}
