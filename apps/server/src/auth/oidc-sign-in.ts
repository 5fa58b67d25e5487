// OpenID Connect sign-in through openid-client: discovery, the authorization URL (code flow,
// PKCE S256, state, nonce) and the callback (the library checks state, exchanges the code with
// the verifier, and verifies the ID token: signature from the provider's JWKS, issuer, audience,
// expiry, nonce). Email, name and groups come from the ID token or, when absent there, userinfo.
import * as client from 'openid-client';
import type { OidcSettings } from '../settings/server-settings.js';
import type { PendingLogin } from '../repositories/oidc-login-repository.js';
import type { SignedInPerson } from '../repositories/user-repository.js';

export class SignInError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInError';
  }
}

const isLoopback = (url: URL) => /^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname);

export function createOidcSignIn(settings: OidcSettings) {
  let discovered: Promise<client.Configuration> | null = null;
  const redirectUri = `${settings.publicUrl}/api/auth/callback`;

  function configuration(): Promise<client.Configuration> {
    const issuer = new URL(settings.issuer);
    discovered ??= client
      .discovery(issuer, settings.clientId, undefined, settings.clientSecret === null ? client.None() : client.ClientSecretBasic(settings.clientSecret), {
        // the ID token's signature is checked against the provider's JWKS even though it came
        // straight from the token endpoint (the library skips that by default); plain http only
        // for a provider on this machine (development, tests)
        execute: [client.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = null; // try again at the next sign-in
        throw new SignInError(`cannot read the provider's discovery document at ${settings.issuer}/.well-known/openid-configuration: ${describe(error)}`, { cause: error });
      });
    return discovered;
  }

  return {
    name: settings.name,
    redirectUri,

    /** A new sign-in: where to send the browser, and what the server keeps until the callback. */
    async start(next: string): Promise<{ url: URL; pending: PendingLogin }> {
      const config = await configuration();
      const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), next };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes.join(' '),
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /** The provider's redirect back: the person it vouches for, or a SignInError saying why not. */
    async finish(callbackQuery: string, pending: PendingLogin): Promise<SignedInPerson> {
      const config = await configuration();
      const currentUrl = new URL(`${redirectUri}${callbackQuery}`);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new SignInError(`the provider's answer was refused: ${describe(error)}`, { cause: error });
      }
      const claims = tokens.claims();
      if (!claims) throw new SignInError('the provider sent no ID token');
      let info: Record<string, unknown> = claims;
      if (typeof claims.email !== 'string' || typeof claims.name !== 'string' || !(settings.groupsClaim in claims)) {
        try {
          // the library checks that userinfo speaks of the ID token's subject
          info = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
        } catch (error) {
          throw new SignInError(`the provider's userinfo answer was refused: ${describe(error)}`, { cause: error });
        }
      }
      return personOf(claims.sub, info, settings.groupsClaim);
    },
  };
}

export type OidcSignIn = ReturnType<typeof createOidcSignIn>;

function personOf(sub: string, info: Record<string, unknown>, groupsClaim: string): SignedInPerson {
  const text = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim() !== '' ? (info[key] as string).trim() : null);
  const email = text('email');
  const groups = info[groupsClaim];
  return {
    id: `oidc:${sub}`,
    name: text('name') ?? text('preferred_username') ?? email ?? sub,
    email,
    emailVerified: info['email_verified'] !== false,
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : typeof groups === 'string' ? [groups] : [],
  };
}

/** The library's reason, with the provider's error code when there is one; never a token. */
function describe(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    return `${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  return cause && !message.includes(cause) ? `${message}: ${cause}` : message;
}
