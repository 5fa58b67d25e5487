// A world whose people sign in through a REAL OpenID provider (the certified oidc-provider
// package on 127.0.0.1, with its own login and consent pages): the provider with the given
// accounts, a settings file naming it (plus any other settings), and the server on the port
// the redirect URI names. `signIn` walks one person through the provider's pages.
import { expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestProvider, TEST_CLIENT_SECRET, type TestProvider } from '../../apps/server/src/testing/oidc-test-provider.ts';
import { freePort } from './free-port.ts';
import { startWorld, type World } from './world.ts';

type Account = Parameters<typeof startTestProvider>[0]['accounts'][number];

export interface OidcWorld {
  world: World;
  op: TestProvider;
  stop: () => Promise<void>;
}

/** `settings`: the rest of server.yaml after `auth.oidc` (roles, guardrails…), indented as written. */
export async function startOidcWorld(accounts: Account[], settings: string, oidcExtra = ''): Promise<OidcWorld> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const op = await startTestProvider({
    clients: [{ client_id: 'shipgate', client_secret: TEST_CLIENT_SECRET, redirect_uris: [`${publicUrl}/api/auth/callback`] }],
    accounts,
  });
  const config = join(mkdtempSync(join(tmpdir(), 'shipgate-e2e-settings-')), 'server.yaml');
  writeFileSync(
    config,
    `auth:
  oidc:
    issuer: ${op.issuer}
    clientId: shipgate
    clientSecretEnv: E2E_OIDC_SECRET
    publicUrl: ${publicUrl}
    name: Acme Login
${oidcExtra}${settings}`,
  );
  const world = await startWorld({}, { port, args: ['--config', config], env: { E2E_OIDC_SECRET: TEST_CLIENT_SECRET } });
  return {
    world,
    op,
    stop: async () => {
      await world.stop();
      await op.close();
    },
  };
}

/** Signs `login` in through the provider's own pages, from `path` of the dashboard; back on `path` afterwards. */
export async function signInThroughProvider(page: Page, w: OidcWorld, path: string, login: string): Promise<void> {
  await page.goto(`${w.world.server.baseUrl}${path}`);
  await page.getByRole('link', { name: 'Sign in with Acme Login' }).click();
  // the provider's pages, not Shipgate's
  await expect(page).toHaveURL(new RegExp(`^${w.op.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${w.world.server.baseUrl}${path}`);
}
