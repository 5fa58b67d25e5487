// Demo-only routes (registered by `shipgate demo`): "make the next release faulty" commits a
// fault file to the sandbox app, so the next promote passes its health checks and is then
// caught by monitoring and rolled back.
import type { FastifyInstance } from 'fastify';
import { errors } from '../schemas/api-schemas.js';

export const DEMO_FAULT_KINDS = ['errors', 'latency', 'component'] as const;
export type DemoFaultKind = (typeof DEMO_FAULT_KINDS)[number];

export interface DemoControls {
  makeFaultyRelease(kind: DemoFaultKind): { commit: string; faults: unknown };
}

export function demoRoutes(app: FastifyInstance, demo: DemoControls | undefined): void {
  app.get('/api/demo', { schema: { tags: ['demo'], summary: 'Whether this server runs the demo sandbox', response: { 200: { type: 'object', properties: { enabled: { type: 'boolean' }, faultKinds: { type: 'array', items: { type: 'string' } } }, required: ['enabled'] } } } }, async () => ({
    enabled: demo !== undefined,
    faultKinds: [...DEMO_FAULT_KINDS],
  }));
  if (!demo) return;
  app.post<{ Body: { kind?: DemoFaultKind } }>(
    '/api/demo/faulty-release',
    {
      schema: {
        tags: ['demo'],
        summary: 'Commit a fault to the sandbox app: the next release degrades after its health checks',
        body: { type: 'object', properties: { kind: { type: 'string', enum: [...DEMO_FAULT_KINDS] } }, additionalProperties: false },
        response: { 201: { type: 'object', properties: { commit: { type: 'string' }, kind: { type: 'string' } }, required: ['commit', 'kind'] }, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const kind = request.body?.kind ?? 'errors';
      const { commit } = demo.makeFaultyRelease(kind);
      return reply.code(201).send({ commit, kind });
    },
  );
}
