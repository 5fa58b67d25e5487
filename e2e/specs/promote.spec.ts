// 1) Promote from the project page and watch the timeline reach "succeeded".
import { expect, test, type Page } from '@playwright/test';
import { expectNoSideScroll as expectNoSideScrollAt390, PHONE } from '../support/layout.ts';
import { startWorld, type World } from '../support/world.ts';

let world: World;
test.beforeAll(async () => {
  world = await startWorld();
});
test.afterAll(async () => world?.stop());

// At a phone's 390 px nothing scrolls sideways.
async function expectNoSideScroll(page: Page, shot: string) {
  await page.setViewportSize(PHONE);
  await expectNoSideScrollAt390(page);
  await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a deployer promotes from the project page and watches the release succeed', async ({ page }) => {
  await page.goto(world.server.signInUrl());
  await expect(page).not.toHaveURL(/token=/);
  // the projects list and the project page agree on what production runs
  await expect(page.getByRole('listitem').filter({ hasText: 'acme-web' })).toContainText(/Production\s*2\.6\.0/);
  await page.getByRole('link', { name: 'acme-web' }).first().click();

  await expect(page.getByRole('heading', { name: 'acme-web' })).toBeVisible();
  await expect(page.locator('[data-gate="staging-validation"]')).toContainText('Jane Smith');
  await expect(page.getByText('2.6.0 → 2.7.0').first()).toBeVisible();
  await expect(page.getByLabel('CHANGELOG excerpt')).toContainText('Export API for orders');
  await page.screenshot({ path: test.info().outputPath('project-page.png'), fullPage: true });
  await expectNoSideScroll(page, 'project-page-390.png');

  await page.getByRole('button', { name: 'Promote to production' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Promote acme-web 2.7.0 to production?');
  await dialog.getByRole('button', { name: 'Promote 2.7.0' }).click();

  await expect(page).toHaveURL(/\/releases\//);
  await expect(page.getByRole('status').filter({ hasText: /Live|Finished/ })).toBeVisible();
  await expect(page.locator('.release-head [data-status]')).toHaveText(/Succeeded/, { timeout: 60_000 });
  await expect(page.locator('.release-head').getByRole('status')).toHaveText(/Finished/);
  const steps = page.getByRole('list', { name: 'Steps' });
  for (const step of ['verify-gates', 'tag', 'push', 'deploy', 'health-checks', 'ship-report']) {
    await expect(steps.locator(`[data-step="${step}"] [data-status]`)).toHaveText(/Succeeded/);
  }
  await expect(page.getByRole('table').getByText('api-health')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('release-succeeded.png'), fullPage: true });
  // a long log line is never cut: it wraps inside the log, whole and copyable, with no sideways scroll
  const logLine = page.getByRole('log').locator('.log-line').first();
  await expect(logLine).toContainText('ship report for v2.7.0');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => logLine.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(20);
  const cut = await logLine.evaluate((el) => ({ clipped: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow }));
  expect(cut).toEqual({ clipped: false, overflow: 'clip' });
  expect(await page.getByRole('log').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
  await expectNoSideScroll(page, 'release-succeeded-390.png');

  await page.getByRole('link', { name: 'Projects' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'acme-web' });
  await expect(card).toContainText('2.7.0');
  await expect(card).toContainText('Succeeded');
  await page.screenshot({ path: test.info().outputPath('projects.png'), fullPage: true });
});
