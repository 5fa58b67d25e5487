// The demo's story in the dashboard (issue 6): the real `shipgate demo` → promote a good
// release (health checks pass, monitoring passes) → "Make the next release faulty" → promote:
// the health checks pass, monitoring sees the error rate cross its threshold and the release
// rolls back on its own; production is on the previous version again. The charts are
// photographed at the moment of rollback.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_VIEWER_TOKEN, DemoProcess } from '../support/demo-process.ts';

// a release: ~16 s deploy (15 s baseline) + 60 s watch window, with room for a slow machine
const RELEASE_MS = 180_000;
let demo: DemoProcess;

test.beforeAll(async () => {
  demo = await DemoProcess.start();
});
test.afterAll(async () => demo?.stop());

const releaseStatus = (page: Page) => page.locator('.release-head [data-status]');
const step = (page: Page, name: string) => page.getByRole('list', { name: 'Steps' }).locator(`[data-step="${name}"] [data-status]`);

async function promote(page: Page, version: string): Promise<void> {
  await page.getByRole('button', { name: 'Promote to production' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Promote demo-shop ${version} to production?`);
  await dialog.getByRole('button', { name: `Promote ${version}` }).click();
  await expect(page).toHaveURL(/\/releases\//);
}

test('a faulty release passes its health checks, monitoring catches it and it rolls back', async ({ page, browser }) => {
  test.setTimeout(3 * RELEASE_MS);
  const shot = (name: string) => test.info().outputPath(name);

  await page.goto(demo.signInUrl);
  await expect(page).not.toHaveURL(/token=/);
  await page.getByRole('link', { name: 'demo-shop' }).first().click();
  await expect(page.getByRole('heading', { name: 'demo-shop', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Make the next release faulty' })).toBeVisible();

  // 1. a good release: health checks pass, monitoring passes, it succeeds
  await promote(page, '1.5.0');
  await expect(step(page, 'health-checks')).toHaveText(/Succeeded/, { timeout: RELEASE_MS });
  const monitoring = page.locator('section.monitoring');
  await expect(monitoring).toBeVisible({ timeout: 30_000 });
  await expect(releaseStatus(page)).toHaveText(/Succeeded/, { timeout: RELEASE_MS });
  await expect(monitoring.locator('[data-verdict]')).toHaveAttribute('data-verdict', /PASS|INCONCLUSIVE/);
  await expect(monitoring.locator('[data-verdict]')).toContainText(/Verdict: error rate .* vs baseline/);
  await monitoring.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('good-release-succeeded.png'), fullPage: true });

  // 2. make the next release faulty (more errors); the plan refetches with the fault's commit
  await page.getByRole('link', { name: 'demo-shop' }).first().click();
  await expect(page.getByText('Production runs 1.5.0')).toBeVisible();
  const panel = page.locator('.demo-panel');
  await panel.getByRole('radio', { name: /More errors/ }).check();
  await panel.getByRole('button', { name: 'Make the next release faulty' }).click();
  await expect(panel.getByRole('status')).toHaveText(/Committed [0-9a-f]{7}: the next release carries more errors\./);
  await expect(page.getByText('1.5.0 → 1.6.0').first()).toBeVisible();
  await expect(page.getByLabel('CHANGELOG excerpt')).toContainText('New payment provider integration');
  await page.screenshot({ path: shot('project-faulty-next.png'), fullPage: true });

  // 3. promote it: the health checks pass, then monitoring fails it and it rolls back
  await promote(page, '1.6.0');
  // no layout jumps while streaming: the timeline and log stay put as the banner and Abort come and go
  const gridTop = () => page.locator('.release-grid').evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
  const topWhileRunning = await gridTop();
  await expect(step(page, 'health-checks')).toHaveText(/Succeeded/, { timeout: RELEASE_MS });
  await expect(page.getByRole('table').filter({ hasText: 'api-health' })).toContainText('Pass');
  await expect(releaseStatus(page)).toHaveText(/Monitoring/);
  await expect(page.locator('.release-bar-status')).toContainText(/watching production/i);
  expect(await gridTop()).toBe(topWhileRunning);
  await expect(releaseStatus(page)).toHaveText(/Rolling back|Rolled back/, { timeout: RELEASE_MS });
  if (/Rolling back/.test((await releaseStatus(page).textContent()) ?? '')) expect(await gridTop()).toBe(topWhileRunning);
  // the moment of rollback
  await monitoring.scrollIntoViewIfNeeded();
  await monitoring.screenshot({ path: shot('charts-at-rollback.png') });
  await page.screenshot({ path: shot('release-at-rollback.png'), fullPage: true });

  await expect(releaseStatus(page)).toHaveText(/Rolled back/, { timeout: 60_000 });
  const verdict = monitoring.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'FAIL');
  await expect(verdict).toContainText(/Breach/);
  await expect(verdict).toContainText(/error rate [\d.]+% vs baseline [\d.]+%: the increase \+[\d.]+ pp .* is above the allowed 1 pp/);
  await expect(verdict).toContainText('Production was rolled back to the previous version.');
  await expect(monitoring.locator('[data-measurement="error-rate"]')).toContainText('over the limit');
  await expect(monitoring.getByRole('img', { name: /Error rate chart: ([2-9]|\d\d+) evaluations/ })).toBeVisible();
  await expect(monitoring.getByRole('img', { name: /p95 latency chart/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-step="monitor"]')).toContainText('verdict FAIL');
  await expect(step(page, 'rollback')).toHaveText(/Succeeded/);
  await monitoring.screenshot({ path: shot('charts-rolled-back.png') });
  await page.screenshot({ path: shot('release-rolled-back.png'), fullPage: true });

  // 4. production is on the previous version again
  await page.getByRole('link', { name: 'demo-shop' }).first().click();
  await expect(page.getByText('Production runs 1.5.0')).toBeVisible();
  await page.getByRole('link', { name: 'Projects' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'demo-shop' });
  await expect(card).toContainText('Rolled back');
  await page.screenshot({ path: shot('projects-after-rollback.png'), fullPage: true });

  // the ship report shows its monitoring chart as a picture, not as SVG source text
  await page.getByRole('link', { name: 'Ship reports' }).click();
  await page.getByRole('link', { name: /demo-shop/ }).first().click();
  const report = page.getByLabel('Ship report');
  const chart = report.getByRole('img', { name: 'Monitoring chart' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(report).not.toContainText('<svg');
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('report-chart.png') });

  // a viewer sees the demo panel, disabled with the reason, and the server refuses it too
  const refused = await fetch(`${demo.baseUrl}/api/demo/faulty-release`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_VIEWER_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'errors' }),
  });
  expect(refused.status).toBe(403);
  const viewer = await browser.newPage();
  await viewer.goto(`${demo.baseUrl}/projects/demo-shop`);
  await viewer.getByLabel('Token').fill(DEMO_VIEWER_TOKEN);
  await viewer.getByRole('button', { name: 'Sign in' }).click();
  const viewerPanel = viewer.locator('.demo-panel');
  await expect(viewerPanel.getByRole('button', { name: 'Make the next release faulty' })).toBeDisabled();
  await expect(viewerPanel).toContainText('viewers cannot change the demo app');
  await viewer.close();
});
