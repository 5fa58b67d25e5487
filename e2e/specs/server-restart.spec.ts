// 8) The server restarts while a release page is open: the page reconnects by itself, shows
// the release as interrupted with the step that will run again (not a step still "running"),
// the project page refuses a new promote until it is resumed, and Resume finishes it.
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../support/world.ts';

let world: World;
test.beforeAll(async () => {
  world = await startWorld({
    deploy: `  provider: command\n  command: "for i in $(seq 1 30); do echo tick-$i; sleep 0.2; done"`,
  });
});
test.afterAll(async () => world?.stop());

test('a release page open across a server restart reconnects and shows the interrupted step', async ({ page }) => {
  await page.goto(world.server.signInUrl('e2e-deployer-token', '/projects/acme-web'));
  await page.getByRole('button', { name: 'Promote to production' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Promote/ }).click();
  await expect(page).toHaveURL(/\/releases\//);
  const log = page.getByRole('log', { name: 'Log of deploy' });
  await expect(log.getByText('tick-3', { exact: true })).toBeVisible({ timeout: 30_000 });

  await world.server.restart();

  const head = page.locator('.release-head');
  await expect(head.locator('[data-status]')).toHaveText(/Interrupted/, { timeout: 20_000 });
  const deploy = page.getByRole('list', { name: 'Steps' }).locator('[data-step="deploy"]');
  await expect(deploy).not.toHaveClass(/step-running/);
  await expect(deploy).toContainText('resume runs this step again');
  await expect(deploy.locator('.timeline-duration')).toHaveText('—');
  // no ship report exists yet: no link to an empty page
  await expect(page.locator('.release-page-meta, p.muted').filter({ hasText: 'no ship report yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ship report', exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('interrupted.png') });

  // the interrupted release still holds the project: promoting again is refused up front, with the way out
  await page.locator('.release-head h1 a').click();
  await expect(page.locator('#promote-reason')).toContainText('interrupted');
  await expect(page.getByRole('button', { name: 'Promote to production' })).toBeDisabled();
  await page.getByRole('link', { name: 'Open the interrupted release' }).click();

  await page.getByRole('button', { name: 'Resume' }).click();
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole('button', { name: /Resume/ }).click();
  await expect(head.locator('[data-status]')).toHaveText(/Succeeded/, { timeout: 40_000 });
  await expect(deploy).toHaveClass(/step-succeeded/);
  await expect(page.getByRole('link', { name: 'Ship report', exact: true })).toBeVisible();
});
