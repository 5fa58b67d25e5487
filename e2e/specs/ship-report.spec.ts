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

  // filters live in the URL: a reload keeps them
  await page.getByLabel('Status').selectOption('failed');
  await expect(page).toHaveURL(/\/history\?status=failed$/);
  await expect(page.getByText('No releases match these filters')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('failed');
  await expect(page.getByText('No releases match these filters')).toBeVisible();

  // a server that cannot be reached is said in words, with a Retry that works once it is back
  await page.route('**/api/releases?*', (route) => route.abort('connectionrefused'));
  await page.reload();
  const failure = page.getByRole('alert');
  await expect(failure).toContainText('Cannot reach the Shipgate server (is it running?)', { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('history-unreachable.png'), fullPage: true });
  await page.unroute('**/api/releases?*');
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('No releases match these filters')).toBeVisible();
  await page.getByLabel('Status').selectOption('');
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole('table')).toContainText('2.7.0');
  await page.goBack();
  await expect(page.getByLabel('Ship report').locator('h1, h2').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('ship-report.png'), fullPage: true });
  // at a phone's width the report's tables scroll in their own box; the page never scrolls sideways
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('ship-report-390.png'), fullPage: true });
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('table')).toContainText('2.7.0');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('history-390.png'), fullPage: true });
});
