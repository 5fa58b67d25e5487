// 12) Guardrails on the project page (CONTRACT §7), on the real server with a settings file:
// a locked project shows the lock and a disabled Promote with the reason; during a freeze a
// deployer sees the freeze and a disabled Promote with the reason, while an admin overrides it
// with a reason that the release's ship report then shows.
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorld, type World } from '../support/world.ts';

const TOKENS = { E2E_SHIP: 'e2e-ship-token-0123456789', E2E_BOSS: 'e2e-boss-token-0123456789' };
const HOUR = 3_600_000;

function settingsFile(freezes: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'shipgate-e2e-guardrails-')), 'server.yaml');
  writeFileSync(
    file,
    `auth:
  tokens:
    - { name: ship, role: deployer, tokenEnv: E2E_SHIP }
    - { name: boss, role: admin, tokenEnv: E2E_BOSS }
${freezes}`,
  );
  return file;
}

test.describe('a locked project', () => {
  let world: World;
  test.beforeAll(async () => {
    world = await startWorld({}, { args: ['--config', settingsFile('')], env: TOKENS });
  });
  test.afterAll(async () => world?.stop());

  test('shows the lock and a disabled Promote with the reason; unlocking enables it again', async ({ page }) => {
    await page.goto(world.server.signInUrl(TOKENS.E2E_SHIP, '/projects/acme-web'));
    const promote = page.getByRole('button', { name: 'Promote to production' });
    await expect(promote).toBeEnabled();

    await page.getByRole('button', { name: 'Lock promotes…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Lock', exact: true })).toBeDisabled();
    await dialog.getByLabel(/Why/).fill('v2.7.0 breaks checkout: wait for the fix');
    await dialog.getByRole('button', { name: 'Lock', exact: true }).click();

    // what everyone opening the page sees: who locked it, why, and Promote disabled with that reason
    await page.reload();
    const lock = page.getByTestId('project-lock');
    await expect(lock).toContainText('Locked by ship');
    await expect(lock).toContainText('v2.7.0 breaks checkout: wait for the fix');
    await expect(promote).toBeDisabled();
    await expect(page.locator('#promote-reason')).toHaveText('acme-web is locked by ship: v2.7.0 breaks checkout: wait for the fix. Unlock it to promote.');
    await page.screenshot({ path: test.info().outputPath('project-locked.png'), fullPage: true });

    // the server agrees: a promote is refused with the lock
    const refused = await page.request.post(`${world.server.baseUrl}/api/projects/acme-web/releases`, { headers: { authorization: `Bearer ${TOKENS.E2E_SHIP}` }, data: {} });
    expect(refused.status()).toBe(423);

    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId('project-lock')).toHaveCount(0);
    await expect(promote).toBeEnabled();
  });
});

test.describe('a frozen project', () => {
  let world: World;
  let until: string;
  test.beforeAll(async () => {
    const now = Date.now();
    until = new Date(Math.floor((now + 2 * HOUR) / 1000) * 1000).toISOString();
    const freezes = `freezes:\n  - { name: release-week, from: "${new Date(now - HOUR).toISOString()}", to: "${until}" }\n`;
    world = await startWorld({}, { args: ['--config', settingsFile(freezes)], env: TOKENS });
  });
  test.afterAll(async () => world?.stop());

  test('a deployer sees the freeze and a disabled Promote with the reason', async ({ page }) => {
    await page.goto(world.server.signInUrl(TOKENS.E2E_SHIP, '/projects/acme-web'));
    await expect(page.getByTestId('project-freeze')).toContainText('Promotes are frozen (“release-week”) until');
    await expect(page.getByTestId('project-freeze').locator('time')).toHaveAttribute('datetime', until);
    await expect(page.getByRole('button', { name: 'Promote to production' })).toBeDisabled();
    await expect(page.locator('#promote-reason')).toContainText('Promotes are frozen (“release-week”) until');
    await expect(page.locator('#promote-reason')).toContainText('only an admin may promote now, with a reason');
    await page.screenshot({ path: test.info().outputPath('project-frozen.png'), fullPage: true });
  });

  test('an admin overrides the freeze with a reason, and the ship report says who and why', async ({ page }) => {
    await page.goto(world.server.signInUrl(TOKENS.E2E_BOSS, '/projects/acme-web'));
    await expect(page.getByTestId('project-freeze')).toContainText('release-week');
    await page.getByRole('button', { name: 'Override the freeze and promote…' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Promote 2.7.0' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Why promote anyway/).fill('CVE-2026-1234: the login fix cannot wait');
    await confirm.click();

    await expect(page).toHaveURL(/\/releases\//);
    await expect(page.locator('.release-head [data-status]')).toHaveText(/Succeeded/, { timeout: 60_000 });
    const releaseId = new URL(page.url()).pathname.split('/').at(-1);
    await page.goto(`${world.server.baseUrl}/reports/${releaseId}`);
    const report = page.getByLabel('Ship report');
    await expect(report.getByRole('heading', { name: 'Decisions' })).toBeVisible();
    const row = report.getByRole('row').filter({ hasText: 'overrode the freeze' });
    await expect(row).toContainText('boss');
    await expect(row).toContainText('"release-week"');
    await expect(row).toContainText('CVE-2026-1234: the login fix cannot wait');
    await page.screenshot({ path: test.info().outputPath('override-report.png'), fullPage: true });
  });
});
