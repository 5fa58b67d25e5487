// 2) A blocked gate shows its reason and the promote button is disabled.
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../support/world.ts';

let world: World;
test.beforeAll(async () => {
  world = await startWorld({ staging: 'pending' });
});
test.afterAll(async () => world?.stop());

test('an unapproved staging validation blocks the release and says why', async ({ page }) => {
  await page.goto(world.server.signInUrl('e2e-deployer-token', '/projects/acme-web'));
  const gate = page.locator('[data-gate="staging-validation"]');
  await expect(gate).toContainText('Fail');
  await expect(page.getByRole('alert').filter({ hasText: 'Blocked' })).toContainText(/staging/i);
  const button = page.getByRole('button', { name: 'Promote to production' });
  await expect(button).toBeDisabled();
  await expect(page.locator('#promote-reason')).toContainText('Blocked:');
  await page.screenshot({ path: test.info().outputPath('blocked.png'), fullPage: true });
});
