// 4) Cut the WebSocket mid-release: after reconnecting the log has no gap and no duplicate.
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../support/world.ts';

const LINES = 40;
let world: World;
test.beforeAll(async () => {
  world = await startWorld({
    deploy: `  provider: command\n  command: "for i in $(seq 1 ${LINES}); do echo line-$i; sleep 0.1; done"`,
  });
});
test.afterAll(async () => world?.stop());

test('a dropped socket resumes from the last event: every log line once, in order', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 2000 }); // the whole deploy log fits on screen
  await page.goto(world.server.signInUrl('e2e-deployer-token', '/projects/acme-web'));
  await page.getByRole('button', { name: 'Promote to production' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Promote/ }).click();
  await expect(page).toHaveURL(/\/releases\//);

  // pin the deploy step's log (the page otherwise follows whichever step runs)
  await page.getByRole('list', { name: 'Steps' }).locator('[data-step="deploy"] button').click();
  const log = page.getByRole('log', { name: 'Log of deploy' });
  await expect(log.getByText('line-5', { exact: true })).toBeVisible({ timeout: 30_000 });
  // cut the socket (test hook in the app) and keep it down for 1.5 s while lines keep coming
  await page.evaluate(() => window.__shipgate?.dropSocket(1500));
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 15_000 });

  await expect(log.getByText(`line-${LINES}`, { exact: true })).toBeVisible({ timeout: 30_000 });
  const numbered = (await log.locator('.log-line').allTextContents()).filter((l) => /^line-\d+$/.test(l));
  expect(numbered).toEqual(Array.from({ length: LINES }, (_, i) => `line-${i + 1}`));
  await expect(page.locator('.release-head [data-status]')).toHaveText(/Succeeded/, { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('resumed-log.png') });
});

declare global {
  interface Window {
    __shipgate?: { dropSocket: (pauseMs?: number) => void };
  }
}
