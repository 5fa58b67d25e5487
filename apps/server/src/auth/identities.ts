// Turns what a request carries (a bearer token, or a session's stored credential) into a
// Principal. Token secrets are compared in constant time after hashing; nothing here logs.
import { timingSafeEqual } from 'node:crypto';
import type { ApiTokenRow, UserRow } from '../db/schema.js';
import type { ApiTokenRepository } from '../repositories/api-token-repository.js';
import type { NamedToken } from '../settings/server-settings.js';
import type { Principal } from './principal.js';
import { sha256, type TokenVerifier } from './token-verifier.js';

export interface Identities {
  fromToken(token: string): Promise<Principal | null>;
  fromCredential(credential: string): Promise<Principal | null>;
}


const token = (id: string, name: string, role: Principal['role'], credential: string): Principal => ({
  id,
  name,
  email: null,
  emailVerified: false,
  groups: [],
  via: 'token',
  role,
  cap: null,
  credential,
});

// The server's own deployer token (SHIPGATE_TOKEN, or the one generated into the data dir) is
// the owner's: it may do everything, as before people and roles existed.
const LEGACY = {
  deployer: token('token:deployer', 'deployer', 'admin', 'legacy:deployer'),
  viewer: token('token:viewer', 'viewer', 'viewer', 'legacy:viewer'),
};

export function personFromUser(row: UserRow): Principal {
  return { id: row.id, name: row.name, email: row.email, emailVerified: row.emailVerified, groups: row.groups, via: 'oidc', role: null, cap: null, credential: `user:${row.id}` };
}

export function createIdentities(deps: {
  legacy: TokenVerifier;
  named: readonly NamedToken[];
  user(id: string): Promise<UserRow | undefined>;
  /** Personal API tokens (`/api/tokens`): looked up by hash, acting for their owner. */
  apiTokens?: ApiTokenRepository;
}): Identities {
  const named = deps.named.map((t) => ({ hash: sha256(t.token), principal: token(`token:${t.name}`, t.name, t.role, `named:${t.name}`) }));
  const identities: Identities = {
    async fromToken(secret) {
      const legacy = deps.legacy.roleOf(secret);
      if (legacy) return LEGACY[legacy];
      const given = sha256(secret);
      let found: Principal | null = null;
      for (const t of named) if (timingSafeEqual(given, t.hash)) found = t.principal; // no early exit
      if (found) return found;
      const row = await deps.apiTokens?.live(given.toString('hex'), new Date());
      return row ? actingFor(row) : null;
    },
    async fromCredential(credential) {
      const [kind, ...rest] = credential.split(':');
      const ref = rest.join(':');
      if (kind === 'legacy') return ref === 'deployer' || ref === 'viewer' ? LEGACY[ref] : null;
      if (kind === 'named') return named.find((t) => t.principal.name === ref)?.principal ?? null;
      if (kind === 'user') {
        const row = await deps.user(ref);
        return row ? personFromUser(row) : null;
      }
      if (kind === 'api') {
        const row = await deps.apiTokens?.liveById(ref, new Date());
        return row ? actingFor(row) : null;
      }
      return null;
    },
  };
  return identities;

  /** A personal token: its owner (as they are now), never above the token's role. */
  async function actingFor(row: ApiTokenRow): Promise<Principal | null> {
    const owner = await identities.fromCredential(row.ownerCredential);
    return owner ? { ...owner, via: 'token', cap: row.role, credential: `api:${row.id}` } : null;
  }
}
