// A Shipgate server on 127.0.0.1 whose settings sign people in with a REAL OpenID Provider
// (oidc-provider, also on 127.0.0.1), for HTTP tests of the whole code flow.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import { CookieBrowser, throughProvider } from './cookie-browser.js';
import { FakeEngine } from './fake-engine.js';
import { freePort } from './free-port.js';
import { makeGitFixture } from './git-fixture.js';
import { startTestProvider, TEST_CLIENT_SECRET, type TestAccount, type TestProvider } from './oidc-test-provider.js';
import { DEPLOYER, VIEWER } from './test-app.js';

export interface OidcWorld {
  app: FastifyInstance;
  engine: FakeEngine;
  op: TestProvider;
  url: string;
  callback: string;
  projectId: string;
  close(): Promise<void>;
}

export const ACCOUNTS: TestAccount[] = [
  { sub: 'alice', email: 'alice@acme.example', email_verified: true, name: 'Alice Example', groups: ['release-managers'] },
  { sub: 'bob', email: 'bob@acme.example', email_verified: true, name: 'Bob Builder', groups: ['developers'] },
  { sub: 'eve', email: 'eve@elsewhere.example', email_verified: true, name: 'Eve Outsider', groups: [] },
  { sub: 'mallory', email: 'mallory@acme.example', email_verified: false, name: 'Mallory Unverified', groups: [] },
];

export const ROLES_YAML = `
  roles:
    - { match: "group:release-managers", role: admin }
    - { match: "email:*@acme.example", role: deployer }`;

export async function startOidcWorld(options: { idTokenClaims?: boolean; extraYaml?: string; settingsYaml?: (issuer: string, publicUrl: string) => string } = {}): Promise<OidcWorld> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const callback = `${url}/api/auth/callback`;
  const op = await startTestProvider({
    clients: [
      { client_id: 'shipgate', client_secret: TEST_CLIENT_SECRET, redirect_uris: [callback] },
      { client_id: 'other-app', client_secret: TEST_CLIENT_SECRET, redirect_uris: ['http://127.0.0.1:9/other/callback'] },
    ],
    accounts: ACCOUNTS,
    ...(options.idTokenClaims ? { idTokenClaims: true } : {}),
  });
  const yaml =
    options.settingsYaml?.(op.issuer, url) ??
    `auth:
  oidc:
    issuer: ${op.issuer}
    clientId: shipgate
    clientSecretEnv: TEST_OIDC_SECRET
    publicUrl: ${url}
    name: Test IdP
    scopes: [openid, email, profile, groups]
${ROLES_YAML}
${options.extraYaml ?? ''}`;
  const settings = parseServerSettings(yaml, 'server.yaml', { TEST_OIDC_SECRET: TEST_CLIENT_SECRET, CI_TOKEN: 'ci-bot-token-0123456789abcdef' });
  const engine = new FakeEngine();
  const app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-oidc-')), engine, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 200, settings, logger: process.env.DEBUG_OIDC ? { level: 'error' } : false });
  const { project } = await registerProject(app.services, makeGitFixture().app);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    engine,
    op,
    url,
    callback,
    projectId: project.id,
    close: async () => {
      await app.close();
      await op.close();
    },
  };
}

/** Starts a sign-in at Shipgate and walks the provider's pages as `login`; returns the callback URL it redirects to. */
export async function toCallback(world: OidcWorld, browser: CookieBrowser, login: string, edit?: (authorizationUrl: URL) => void): Promise<{ callbackUrl: URL; authorizationUrl: URL }> {
  const start = await browser.request(`${world.url}/api/auth/login?next=/projects`);
  if (start.status !== 302 || !start.location) throw new Error(`login did not redirect: ${start.status} ${start.body}`);
  const authorizationUrl = new URL(start.location);
  edit?.(authorizationUrl);
  return { callbackUrl: await throughProvider(browser, authorizationUrl, login, world.callback), authorizationUrl };
}

/** The whole flow: the session cookie value of `login`. */
export async function signInAs(world: OidcWorld, login: string): Promise<string> {
  const browser = new CookieBrowser();
  const { callbackUrl } = await toCallback(world, browser, login);
  const res = await browser.request(callbackUrl);
  const session = browser.cookie('127.0.0.1', 'shipgate_session');
  if (res.status !== 303 || !session) throw new Error(`sign-in as ${login} failed: ${res.status} ${res.body}`);
  return session;
}

/** A real ID token from `op` for `clientId` (the test acting as that client), with `nonce`. */
export async function mintIdToken(op: TestProvider, clientId: string, redirectUri: string, login: string, nonce: string): Promise<string> {
  const config = await client.discovery(new URL(op.issuer), clientId, undefined, client.ClientSecretBasic(TEST_CLIENT_SECRET), { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: 'minted',
    nonce,
  });
  const callbackUrl = await throughProvider(new CookieBrowser(), authorizationUrl, login, redirectUri);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState: 'minted', expectedNonce: nonce });
  return tokens.id_token!;
}
