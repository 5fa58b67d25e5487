// GET /api/ws: release events and status changes, live (CONTRACT §5).
import type { FastifyInstance } from 'fastify';
import { WsSession } from '../releases/ws-session.js';

export function wsRoutes(app: FastifyInstance): void {
  app.get(
    '/api/ws',
    {
      websocket: true,
      schema: {
        tags: ['events'],
        summary: 'WebSocket: send { type: "subscribe", releaseId, after } or { type: "subscribe", topic: "releases" }',
        querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 512 } } },
      },
    },
    (socket) => {
      const session = new WsSession(app.services, socket);
      socket.on('message', (data) => session.onMessage(data));
      socket.on('close', () => session.close());
    },
  );
}
