// 9) A person signs in through the team's OpenID provider (a REAL one: the certified
// oidc-provider package on 127.0.0.1, with its own login and consent pages), is shown as
// themselves with their role, promotes as themselves, and signs out (the session ends on the server).
import { expect, test } from '@playwright/test';
import { startOidcWorld, type OidcWorld } from '../support/oidc-world.ts';
import type { World } from '../support/world.ts';
import type { TestProvider } from '../../apps/server/src/testing/oidc-test-provider.ts';

let oidc: OidcWorld;
let world: World;
let op: TestProvider;
test.beforeAll(async () => {
  oidc = await startOidcWorld(
    [{ sub: 'alice', email: 'alice@acme.example', email_verified: true, name: 'Alice Example', groups: ['release-managers'] }],
    `  roles:
    - { match: "group:release-managers", role: admin }
    - { match: "email:*@acme.example", role: deployer }
`,
    '    scopes: [openid, email, profile, groups]\n',
  );
  ({ world, op } = oidc);
});
test.afterAll(async () => oidc?.stop());

test('a person signs in through the provider\'s own pages, promotes as themselves, and signs out', async ({ page, context }) => {
  await page.goto(`${world.server.baseUrl}/projects/acme-web`);
  await page.getByRole('link', { name: 'Sign in with Acme Login' }).click();

  // the provider's pages, not Shipgate's
  await expect(page).toHaveURL(new RegExp(`^${op.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill('alice');
  await page.locator('input[name="password"]').fill('any password');
  await page.screenshot({ path: test.info().outputPath('provider-login.png') });
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // back where she started, as herself
  await expect(page).toHaveURL(`${world.server.baseUrl}/projects/acme-web`);
  await expect(page.getByText('Signed in as Alice Example (admin)')).toBeVisible();
  const cookie = (await context.cookies(world.server.baseUrl)).find((c) => c.name === 'shipgate_session')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  await page.getByRole('button', { name: 'Promote to production' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Promote / }).click();
  await expect(page).toHaveURL(/\/releases\//);
  await expect(page.getByText(/by Alice Example/)).toBeVisible();
  await expect(page.locator('.release-head [data-status]')).toHaveText(/Succeeded/, { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('released-by-alice.png'), fullPage: true });

  // the audit trail names her: the sign-in and the promote
  await page.getByRole('link', { name: 'Audit' }).click();
  const trail = page.getByRole('table', { name: 'Audit trail' });
  await expect(trail.locator('tr[data-action="promote"]')).toContainText('Alice Example');
  await expect(trail.locator('tr[data-action="sign_in"]')).toContainText('Alice Example');
  await page.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true });

  // a personal token for her scripts: shown once, acts as her with at most the role she picked, revocable
  await page.getByRole('link', { name: 'Tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await page.getByLabel('Name').fill('release script');
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByLabel('New token');
  await expect(shown).toBeVisible();
  const secret = (await shown.textContent())!.trim();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  const row = page.getByRole('table', { name: 'API tokens' }).locator('tr[data-token="release script"]');
  await expect(row).toContainText('viewer');
  await expect(row).toContainText('Alice Example');
  const asToken = (path: string, init: RequestInit = {}) => fetch(`${world.server.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, ...(init.headers ?? {}) } });
  expect(await (await asToken('/api/me')).json()).toMatchObject({ name: 'Alice Example', role: 'viewer', via: 'token' });
  // at most the role picked: the admin's viewer token cannot promote
  const refused = await asToken('/api/projects/acme-web/releases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(refused.status).toBe(403);
  // shown once: after a reload the page lists the token but not its secret
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByLabel('New token')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await page.screenshot({ path: test.info().outputPath('tokens.png'), fullPage: true });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');
  expect((await asToken('/api/me')).status).toBe(401);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with Acme Login' })).toBeVisible();
  // the old cookie is worth nothing now: the session ended on the server
  const replay = await fetch(`${world.server.baseUrl}/api/me`, { headers: { cookie: `shipgate_session=${cookie.value}` } });
  expect(replay.status).toBe(401);
});
