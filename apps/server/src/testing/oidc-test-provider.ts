// A REAL OpenID Provider for tests: the certified `oidc-provider` package on 127.0.0.1, with its
// development login and consent pages (any password), PKCE required, a few accounts. `tamper`
// lets a test play a network attacker who swaps the token endpoint's answer (a token minted by
// another issuer, for another client, or forged); `sign` signs claims with the provider's own key
// (a token it would issue with, say, an expiry in the past).
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface TestProvider {
  issuer: string;
  provider: Provider;
  /** Replaces the token endpoint's JSON answer (null: untouched). */
  tamper: ((body: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>) | null;
  /** A JWT with these claims, signed with the provider's own signing key. */
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export const TEST_CLIENT_SECRET = 'shipgate-test-client-secret-0123456789';

export async function startTestProvider(options: { port?: number; clients: TestClient[]; accounts: TestAccount[]; idTokenClaims?: boolean }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  const state: Pick<TestProvider, 'tamper'> = { tamper: null };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({ ...c, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' })),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    // false: profile and email claims go into the ID token too (default: userinfo only)
    conformIdTokenClaims: options.idTokenClaims !== true,
    cookies: { keys: ['shipgate-test-cookie-key'] },
    jwks: { keys: [jwk] },
    ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub) ?? { sub, email: `${sub}@example.test`, name: sub };
      return { accountId: sub, claims: async () => ({ ...account, sub }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && state.tamper && ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
      ctx.body = await state.tamper(ctx.body as Record<string, unknown>);
    }
  });
  server.on('request', provider.callback());
  const handle: TestProvider = {
    issuer,
    provider,
    get tamper() {
      return state.tamper;
    },
    set tamper(fn) {
      state.tamper = fn;
    },
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return handle;
}
