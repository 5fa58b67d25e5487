// GET /api/audit (CONTRACT §7): the append-only trail, newest first, filtered by project, actor
// (id or name) and action, paged by cursor.
import type { FastifyInstance } from 'fastify';
import type { AuditEntryDto } from '@shipgate/contract';
import type { AuditRow } from '../db/schema.js';
import { errors } from '../schemas/api-schemas.js';

const entrySchema = {
  type: 'object',
  required: ['id', 'at', 'actor', 'actorId', 'action'],
  properties: {
    id: { type: 'string' },
    at: { type: 'string' },
    actor: { type: ['string', 'null'] },
    actorId: { type: ['string', 'null'] },
    action: { type: 'string' },
    projectId: { type: 'string' },
    releaseId: { type: 'string' },
    reason: { type: 'string' },
    detail: { type: 'object', additionalProperties: true },
  },
} as const;

interface AuditQuerystring {
  project?: string;
  actor?: string;
  action?: string;
  limit: number;
  cursor?: string;
}

export function toAuditDto(row: AuditRow): AuditEntryDto {
  return {
    id: String(row.id),
    at: row.at,
    actor: row.actor,
    actorId: row.actorId,
    action: row.action,
    ...(row.projectId ? { projectId: row.projectId } : {}),
    ...(row.releaseId ? { releaseId: row.releaseId } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
  };
}

export function auditRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: AuditQuerystring }>(
    '/api/audit',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail: sign-ins, release actions, token changes (newest first)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            project: { type: 'string', maxLength: 200 },
            actor: { type: 'string', maxLength: 200 },
            action: { type: 'string', maxLength: 64 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            cursor: { type: 'string', pattern: '^[0-9]{1,15}$' },
          },
        },
        response: { 200: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: entrySchema }, nextCursor: { type: ['string', 'null'] } } }, ...errors(400, 401) },
      },
    },
    async (request) => {
      const { project, actor, action, limit, cursor } = request.query;
      const rows = await app.services.audit.list({ project, actor, action, limit: limit + 1, before: cursor === undefined ? undefined : Number(cursor) });
      const page = rows.slice(0, limit);
      return { items: page.map(toAuditDto), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
    },
  );
}
