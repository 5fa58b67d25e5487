// Ship reports: one as markdown, and the list.
import type { FastifyInstance } from 'fastify';
import type { ReportSummaryDto } from '@shipgate/contract';
import { notFound } from '../http-error.js';
import { errors, idParams, reportSummarySchema } from '../schemas/api-schemas.js';

export function reportRoutes(app: FastifyInstance): void {
  const svc = app.services;

  app.get<{ Params: { id: string } }>(
    '/api/releases/:id/report',
    {
      schema: {
        tags: ['reports'],
        summary: 'The ship report of a release (text/markdown)',
        params: idParams,
        produces: ['text/markdown'],
        response: { 200: { type: 'string' }, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const report = svc.reports.get(request.params.id);
      if (!report) throw notFound('ship report for release', request.params.id);
      return reply.type('text/markdown; charset=utf-8').send(report.markdown);
    },
  );

  app.get<{ Querystring: { project?: string } }>(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Ship reports, newest first',
        querystring: { type: 'object', properties: { project: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } } },
        response: { 200: { type: 'array', items: reportSummarySchema }, ...errors(400, 401) },
      },
    },
    async (request): Promise<ReportSummaryDto[]> =>
      svc.reports.list(request.query.project).map((r) => ({ releaseId: r.releaseId, project: r.projectId, version: r.version, status: r.status, createdAt: r.createdAt })),
  );
}
