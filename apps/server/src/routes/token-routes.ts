// Personal API tokens (CONTRACT §7): POST /api/tokens shows the secret once (only its SHA-256
// is stored), GET lists the caller's (admins: everyone's) without secrets, DELETE revokes. A
// token's role is at most its creator's; it acts for its creator, whose current role caps it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@shipgate/contract';
import { randomBytes } from 'node:crypto';
import { isAtLeast, roleOf } from '../auth/role-rules.js';
import { sha256 } from '../auth/token-verifier.js';
import type { ApiTokenRow } from '../db/schema.js';
import { errors } from '../schemas/api-schemas.js';

const role = { type: 'string', enum: ['viewer', 'deployer', 'admin'] } as const;
const tokenSchema = {
  type: 'object',
  required: ['id', 'name', 'role', 'owner', 'createdAt', 'expiresAt', 'revokedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role,
    owner: { type: 'string' },
    createdAt: { type: 'string' },
    expiresAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
  },
} as const;
const createdSchema = { type: 'object', required: ['id', 'name', 'token', 'role', 'expiresAt'], properties: { id: { type: 'string' }, name: { type: 'string' }, token: { type: 'string' }, role, expiresAt: { type: ['string', 'null'] } } } as const;

interface CreateBody {
  name: string;
  role?: Role;
  expiresInDays?: number;
}

const toDto = (row: ApiTokenRow) => ({ id: row.id, name: row.name, role: row.role, owner: row.ownerName, createdAt: row.createdAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt });

export function tokenRoutes(app: FastifyInstance): void {
  const svc = app.services;
  const callerRole = (request: FastifyRequest) => roleOf(request.principal!, app.settings, null);

  app.post<{ Body: CreateBody }>(
    '/api/tokens',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal API token (the secret is shown once)',
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9 ._-]+$' }, role, expiresInDays: { type: 'integer', minimum: 1, maximum: 3650 } },
        },
        response: { 201: createdSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.credential.startsWith('api:')) return reply.code(403).send({ error: 'forbidden', message: 'a personal token cannot create tokens: sign in to create one' });
      const mine = callerRole(request);
      const wanted = request.body.role ?? mine;
      if (!isAtLeast(mine, wanted)) return reply.code(403).send({ error: 'role_too_high', message: `a token's role is at most its creator's: you are ${mine}, so it cannot be ${wanted}` });
      const now = new Date();
      const secret = `sgp_${randomBytes(32).toString('base64url')}`;
      const row = {
        id: `tok_${randomBytes(8).toString('hex')}`,
        name: request.body.name.trim(),
        tokenHash: sha256(secret).toString('hex'),
        ownerCredential: principal.credential,
        ownerName: principal.name,
        role: wanted,
        createdAt: now.toISOString(),
        expiresAt: request.body.expiresInDays === undefined ? null : new Date(now.getTime() + request.body.expiresInDays * 86_400_000).toISOString(),
      };
      await svc.apiTokens.insert(row);
      await svc.audit.record({ actor: principal, action: 'token_created', detail: { tokenId: row.id, name: row.name, role: row.role, expiresAt: row.expiresAt } });
      return reply.code(201).header('cache-control', 'no-store').send({ id: row.id, name: row.name, token: secret, role: row.role, expiresAt: row.expiresAt });
    },
  );

  app.get(
    '/api/tokens',
    { config: { role: 'viewer' }, schema: { tags: ['tokens'], summary: 'Your API tokens (admins: everyone\'s), without secrets', response: { 200: { type: 'array', items: tokenSchema }, ...errors(401) } } },
    async (request) => (callerRole(request) === 'admin' ? await svc.apiTokens.list() : await svc.apiTokens.list(request.principal!.credential)).map(toDto),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    {
      config: { role: 'viewer' },
      schema: { tags: ['tokens'], summary: 'Revoke an API token (yours; admins: any)', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^tok_[0-9a-f]{16}$' } } }, response: { 204: { type: 'null' }, ...errors(400, 401, 404) } },
    },
    async (request, reply) => {
      const row = await svc.apiTokens.get(request.params.id);
      // someone else's token is "not found" to you: its existence is not yours to learn
      if (!row || (row.ownerCredential !== request.principal!.credential && callerRole(request) !== 'admin')) {
        return reply.code(404).send({ error: 'not_found', message: `there is no token ${request.params.id} of yours` });
      }
      await svc.apiTokens.revoke(row.id, new Date());
      await svc.sessions.removeFor(`api:${row.id}`);
      await svc.audit.record({ actor: request.principal, action: 'token_revoked', detail: { tokenId: row.id, name: row.name, owner: row.ownerName } });
      return reply.code(204).send();
    },
  );
}
