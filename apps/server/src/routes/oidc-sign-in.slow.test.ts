// Sign-in with a REAL OpenID Provider (oidc-provider on 127.0.0.1) over real HTTP: the whole
// authorization code flow with PKCE, state and nonce, and every way an answer can be wrong.
import { afterEach, describe, expect, it } from 'vitest';
import { CookieBrowser } from '../testing/cookie-browser.js';
import { mintIdToken, signInAs, startOidcWorld, toCallback, type OidcWorld } from '../testing/oidc-world.js';

let world: OidcWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const asCookie = (session: string, world: OidcWorld) => ({ cookie: `shipgate_session=${session}`, origin: world.url });

async function refused(w: OidcWorld, browser: CookieBrowser, callbackUrl: URL) {
  const res = await browser.request(callbackUrl, { headers: { accept: 'application/json' } });
  expect(res.status).toBe(401);
  expect(res.headers.getSetCookie().filter((c) => /^shipgate_session=[^;]/.test(c))).toEqual([]);
  const audit = (await w.app.services.audit.list({ limit: 1 }))[0];
  expect(audit).toMatchObject({ action: 'sign_in_failed', actor: null });
  return JSON.parse(res.body) as { error: string; message: string };
}

describe('sign-in with OpenID Connect', () => {
  it('runs the code flow with PKCE S256, state and nonce, reads email and name from userinfo, and starts a server session that logout ends', async () => {
    world = await startOidcWorld();
    const browser = new CookieBrowser();
    const { callbackUrl, authorizationUrl } = await toCallback(world, browser, 'alice');
    expect(authorizationUrl.origin).toBe(world.op.issuer);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorizationUrl.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorizationUrl.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(world.callback);

    const done = await browser.request(callbackUrl);
    expect(done.status).toBe(303);
    expect(done.location?.pathname).toBe('/projects');
    const setCookie = done.headers.getSetCookie().find((c) => c.startsWith('shipgate_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http on 127.0.0.1
    const session = browser.cookie('127.0.0.1', 'shipgate_session')!;

    // the provider put email and name only in userinfo (conformIdTokenClaims): the fallback read them
    const me = await fetch(`${world.url}/api/me`, { headers: asCookie(session, world) });
    expect(await me.json()).toEqual({ id: 'oidc:alice', name: 'Alice Example', email: 'alice@acme.example', role: 'admin', via: 'oidc', projectRoles: { [world.projectId]: 'admin' } });
    expect((await world.app.services.audit.list({ limit: 5 }))[0]).toMatchObject({ action: 'sign_in', actor: 'Alice Example', actorId: 'oidc:alice' });
    // only the session id's hash is stored
    const stored = world.app.services.db.$client.prepare('select id_hash, credential from sessions').all();
    expect(stored).toEqual([{ id_hash: expect.not.stringContaining(session), credential: 'user:oidc:alice' }]);

    // she promotes as herself
    const promote = await fetch(`${world.url}/api/projects/${world.projectId}/releases`, { method: 'POST', headers: { ...asCookie(session, world), 'content-type': 'application/json' }, body: '{}' });
    expect(promote.status).toBe(202);
    expect(await promote.json()).toMatchObject({ actor: 'Alice Example' });

    const logout = await fetch(`${world.url}/api/auth/logout`, { method: 'POST', headers: asCookie(session, world) });
    expect(logout.status).toBe(204);
    // the same cookie, replayed after logout, is worth nothing: the session is gone on the server
    expect((await fetch(`${world.url}/api/me`, { headers: asCookie(session, world) })).status).toBe(401);
    expect(world.app.services.db.$client.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
  });

  it('takes email and name from the ID token when the provider puts them there, and maps roles by email pattern (first match wins, default viewer, unverified emails match nothing)', async () => {
    world = await startOidcWorld({ idTokenClaims: true });
    const roleOf = async (login: string) => ((await (await fetch(`${world!.url}/api/me`, { headers: asCookie(await signInAs(world!, login), world!) })).json()) as { role: string; name: string });
    expect(await roleOf('bob')).toMatchObject({ role: 'deployer', name: 'Bob Builder' });
    expect(await roleOf('eve')).toMatchObject({ role: 'viewer' });
    expect(await roleOf('mallory')).toMatchObject({ role: 'viewer' });
  });

  it('refuses a tampered state, and no session starts', async () => {
    world = await startOidcWorld();
    const browser = new CookieBrowser();
    const { callbackUrl } = await toCallback(world, browser, 'alice');
    callbackUrl.searchParams.set('state', 'forged-state-value');
    expect((await refused(world, browser, callbackUrl)).message).toMatch(/refused.*state/i);
  });

  it('refuses a replayed code: the same callback twice, and the old code with a new sign-in', async () => {
    world = await startOidcWorld();
    const browser = new CookieBrowser();
    const { callbackUrl } = await toCallback(world, browser, 'alice');
    expect((await browser.request(callbackUrl)).status).toBe(303);
    expect((await refused(world, browser, callbackUrl)).message).toMatch(/no sign-in is in progress/);

    // a new sign-in's state, with the first sign-in's (already used) code: the provider refuses the code
    const second = await toCallback(world, browser, 'alice');
    const replay = new URL(second.callbackUrl);
    replay.searchParams.set('code', callbackUrl.searchParams.get('code')!);
    expect((await refused(world, browser, replay)).message).toMatch(/invalid_grant/);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    world = await startOidcWorld();
    const browser = new CookieBrowser();
    const { callbackUrl } = await toCallback(world, browser, 'alice', (url) => url.searchParams.set('nonce', 'a-nonce-this-server-never-made'));
    expect((await refused(world, browser, callbackUrl)).message).toMatch(/nonce/);
  });

  it('refuses an ID token that expired, though signed with the provider\'s own key', async () => {
    world = await startOidcWorld();
    const browser = new CookieBrowser();
    const { callbackUrl } = await toCallback(world, browser, 'alice');
    const op = world.op;
    op.tamper = async (body) => {
      const claims = JSON.parse(Buffer.from((body.id_token as string).split('.')[1]!, 'base64url').toString()) as Record<string, number>;
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      return { ...body, id_token: await op.sign({ ...claims, iat: hourAgo - 600, exp: hourAgo }) };
    };
    expect((await refused(world, browser, callbackUrl)).message).toMatch(/"exp" \(expiration time\)|timestamp check failed/);
    // the same token with a live expiry would have passed: the expiry alone made the difference
    const again = new CookieBrowser();
    const second = await toCallback(world, again, 'alice');
    op.tamper = async (body) => ({ ...body, id_token: await op.sign(JSON.parse(Buffer.from((body.id_token as string).split('.')[1]!, 'base64url').toString())) });
    expect((await again.request(second.callbackUrl)).status).toBe(303);
  });

  it('refuses a token from another issuer, a token for another client, and a forged one swapped into the token answer', async () => {
    world = await startOidcWorld();
    const other = await startOidcWorld(); // a second, unrelated provider that also knows a client "shipgate"
    try {
      // each case: the id_token the attacker puts into the provider's genuine token answer
      const cases: Array<[string, (nonce: string) => Promise<(genuine: string) => string>, RegExp]> = [
        ['another issuer', async (nonce) => { const t = await mintIdToken(other.op, 'shipgate', other.callback, 'alice', nonce); return () => t; }, /"iss"/],
        ['another audience', async (nonce) => { const t = await mintIdToken(world!.op, 'other-app', 'http://127.0.0.1:9/other/callback', 'alice', nonce); return () => t; }, /"aud"/],
        ['a forged payload', async () => (genuine) => forge(genuine, { sub: 'alice', email: 'alice@acme.example', name: 'Alice Example' }), /signature/i],
      ];
      for (const [name, prepare, reason] of cases) {
        const browser = new CookieBrowser();
        const { callbackUrl, authorizationUrl } = await toCallback(world, browser, 'eve');
        const swap = await prepare(authorizationUrl.searchParams.get('nonce')!);
        let swapped = 0;
        world.op.tamper = (body) => (swapped++, { ...body, id_token: swap(body.id_token as string) });
        const answer = await refused(world, browser, callbackUrl);
        world.op.tamper = null;
        expect(swapped, name).toBe(1);
        expect(answer.message, name).toMatch(reason);
      }
    } finally {
      await other.close();
    }
  });

  it('without auth.oidc the login route says it is not configured, and the sign-in page is told so', async () => {
    world = await startOidcWorld({ settingsYaml: () => 'auth: {}\n' });
    expect(await (await fetch(`${world.url}/api/auth`)).json()).toEqual({ oidc: null });
    const res = await fetch(`${world.url}/api/auth/login`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_configured' });
  });

  it('sends people back only to paths of this server after sign-in', async () => {
    world = await startOidcWorld();
    for (const [next, expected] of [['/releases/rel_1', '/releases/rel_1'], ['//evil.example/x', '/'], ['https://evil.example/', '/'], ['/\\evil.example', '/']]) {
      const browser = new CookieBrowser();
      const start = await browser.request(`${world.url}/api/auth/login?next=${encodeURIComponent(next!)}`);
      const { throughProvider } = await import('../testing/cookie-browser.js');
      const callbackUrl = await throughProvider(browser, start.location!, 'bob', world.callback);
      const done = await browser.request(callbackUrl);
      expect(done.headers.get('location'), next).toBe(expected);
    }
  });
});

/** Same header and signature, a different payload: what an attacker without the provider's key can do. */
function forge(idToken: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = idToken.split('.');
  const body = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${signature}`;
}
