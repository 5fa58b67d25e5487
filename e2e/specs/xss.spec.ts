// 6) A script or event-handler payload in a CHANGELOG entry shows as text and never runs,
// on the project page and in the ship report.
import { expect, test, type Page } from '@playwright/test';
import { startWorld, type World } from '../support/world.ts';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
let world: World;
test.beforeAll(async () => {
  world = await startWorld({ unreleased: `### Added\n\n- Export API ${IMG}\n- Safer cart ${SCRIPT}\n` });
});
test.afterAll(async () => world?.stop());

async function expectInert(page: Page, container: ReturnType<Page['getByLabel']>): Promise<void> {
  await expect(container).toContainText(IMG);
  await expect(container).toContainText(SCRIPT);
  await expect(container.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

test('the payload is text on the project page and in the ship report', async ({ page }) => {
  await page.goto(world.server.signInUrl('e2e-deployer-token', '/projects/acme-web'));
  await expectInert(page, page.getByLabel('CHANGELOG excerpt'));
  await page.screenshot({ path: test.info().outputPath('xss-project.png'), fullPage: true });

  const release = await world.server.promoteAndWait();
  expect(release.status).toBe('succeeded');
  await page.goto(`${world.server.baseUrl}/reports/${release.id}`);
  await expectInert(page, page.getByLabel('Ship report'));
  await page.screenshot({ path: test.info().outputPath('xss-report.png'), fullPage: true });
});
