// 3) Open a past release's ship report and see its content.
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../support/world.ts';

let world: World;
test.beforeAll(async () => {
  world = await startWorld();
  const release = await world.server.promoteAndWait();
  expect(release.status).toBe('succeeded');
});
test.afterAll(async () => world?.stop());

test('a past release shows its ship report, rendered, with a download', async ({ page }) => {
  await page.goto(world.server.signInUrl());
  await page.getByRole('link', { name: 'Ship reports' }).click();
  await page.getByRole('link', { name: /acme-web 2\.7\.0/ }).click();
  const report = page.getByLabel('Ship report');
  await expect(report).toContainText('2.7.0');
  await expect(report).toContainText('Export API for orders');
  await expect(report.locator('h1, h2').first()).toBeVisible();
  const download = page.getByRole('link', { name: /Download .*\.md/ });
  await expect(download).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('table')).toContainText('2.7.0');
  await page.screenshot({ path: test.info().outputPath('history.png'), fullPage: true });
  await page.goBack();
  await page.screenshot({ path: test.info().outputPath('ship-report.png'), fullPage: true });
});
