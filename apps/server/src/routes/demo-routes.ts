// Demo-only routes (registered by `shipgate demo`): "make the next release faulty" commits a
// fault file to the sandbox app, so the next promote passes its health checks and is then
// caught by monitoring and rolled back.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';
import { errors } from '../schemas/api-schemas.js';

export const DEMO_FAULT_KINDS = ['errors', 'latency', 'component'] as const;
export type DemoFaultKind = (typeof DEMO_FAULT_KINDS)[number];

export interface DemoControls {
  makeFaultyRelease(kind: DemoFaultKind): { commit: string; faults: unknown };
  /** Commits the fix of a fault made above (null: there is no fault to fix). */
  fixTheFault?(): { commit: string } | null;
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
      config: { role: 'deployer' },
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
  app.post(
    '/api/demo/fix-fault',
    {
      config: { role: 'deployer' },
      schema: {
        tags: ['demo'],
        summary: 'Commit the fix of the fault to the sandbox app: the next promote ships a good release',
        response: { 201: { type: 'object', properties: { commit: { type: 'string' } }, required: ['commit'] }, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      // takes nothing: no body, or an empty object (strict, like every route's body)
      if (!isEmptyBody(request.body)) throw new HttpError(400, 'invalid_request', 'this route takes no body: send none, or {}');
      const fixed = demo.fixTheFault?.() ?? null;
      if (!fixed) throw new HttpError(409, 'no_fault', 'the demo app has no fault to fix: make the next release faulty first');
      return reply.code(201).send(fixed);
    },
  );
}

const isEmptyBody = (body: unknown): boolean =>
  body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
