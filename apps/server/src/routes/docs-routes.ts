// The OpenAPI document generated from the route schemas, at /api/openapi.json.
import type { FastifyInstance } from 'fastify';

export function docsRoutes(app: FastifyInstance): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
