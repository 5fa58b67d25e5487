// GET /api/health (public): RFC draft "Health Check Response Format for HTTP APIs".
import type { FastifyInstance } from 'fastify';

export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Liveness of the server and its database',
        security: [],
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, version: { type: 'string' }, serviceId: { type: 'string' }, description: { type: 'string' } },
          },
        },
      },
    },
    async (_request, reply) => {
      app.services.db.$client.prepare('select 1').get();
      return reply
        .type('application/health+json')
        .send({ status: 'pass', version: '1', serviceId: 'shipgate', description: 'Shipgate release server' });
    },
  );
}
