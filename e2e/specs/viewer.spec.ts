// 5) A viewer sees everything and cannot promote.
import { expect, test } from '@playwright/test';
import { VIEWER_TOKEN } from '../support/shipgate-server.ts';
import { startWorld, type World } from '../support/world.ts';

let world: World;
test.beforeAll(async () => {
  world = await startWorld();
});
test.afterAll(async () => world?.stop());

test('a viewer sees the plan but the promote button is disabled with the reason', async ({ page }) => {
  await page.goto(`${world.server.baseUrl}/projects/acme-web`);
  await page.getByLabel('Token').fill(VIEWER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as viewer')).toBeVisible();
  await expect(page.locator('[data-gate="staging-validation"]')).toContainText('Pass');
  await expect(page.getByRole('button', { name: 'Promote to production' })).toBeDisabled();
  await expect(page.locator('#promote-reason')).toContainText('viewer');
  await page.screenshot({ path: test.info().outputPath('viewer.png'), fullPage: true });
});
