// Ship reports: one as markdown, its monitoring chart as SVG, and the list.
import type { FastifyInstance } from 'fastify';
import { monitoringChartSvg, type MonitorSample, type ReleaseEvent } from '@shipgate/core';
import type { ReportSummaryDto } from '@shipgate/contract';
import { notFound } from '../http-error.js';
import { decisionsSection } from '../releases/decisions-section.js';
import { errors, idParams, reportSummarySchema } from '../schemas/api-schemas.js';

export function reportRoutes(app: FastifyInstance): void {
  const svc = app.services;

  app.get<{ Params: { id: string } }>(
    '/api/releases/:id/report',
    {
      schema: {
        tags: ['reports'],
        summary: 'The ship report of a release (text/markdown), with the decisions the audit trail holds about it',
        params: idParams,
        produces: ['text/markdown'],
        response: { 200: { type: 'string' }, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const report = await svc.reports.get(request.params.id);
      if (!report) throw notFound('ship report for release', request.params.id);
      // who decided what about this release (audit trail), some of it after the engine wrote the report
      const decisions = decisionsSection(await svc.audit.ofRelease(report.projectId, report.releaseId));
      return reply.type('text/markdown; charset=utf-8').send(report.markdown + decisions);
    },
  );

  // the report links its chart as an image file beside it (as in the repo); the dashboard asks here
  app.get<{ Params: { id: string } }>(
    '/api/releases/:id/report/monitoring.svg',
    {
      schema: {
        tags: ['reports'],
        summary: "The ship report's monitoring chart (image/svg+xml)",
        params: idParams,
        produces: ['image/svg+xml'],
        response: { 200: { type: 'string' }, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const samples = monitorSamples((await svc.events.ofTypes(request.params.id, ['monitor.sample', 'monitor.verdict'])).map((row) => JSON.parse(row.data) as ReleaseEvent));
      if (samples.length === 0) throw notFound('monitoring chart for release', request.params.id);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('x-content-type-options', 'nosniff')
        .send(monitoringChartSvg(samples));
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
      (await svc.reports.list(request.query.project)).map((r) => ({ releaseId: r.releaseId, project: r.projectId, version: r.version, status: r.status, createdAt: r.createdAt })),
  );
}

/** The evaluations in order; the verdict repeats the one that decided it, kept once. */
function monitorSamples(events: readonly ReleaseEvent[]): MonitorSample[] {
  const samples: MonitorSample[] = [];
  for (const event of events) {
    const sample = event.type === 'monitor.sample' ? event.sample : event.type === 'monitor.verdict' ? event.sample : undefined;
    if (sample && sample.at !== samples.at(-1)?.at) samples.push(sample);
  }
  return samples;
}
