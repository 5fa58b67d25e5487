// The demo's story in the dashboard (issues 6 and 13): the real `shipgate demo` → promote a
// good release (the baseline is its own phase; while monitoring runs, the charts, the verdict
// and the time left are in the first screen at 1400×900; monitoring passes) → "Make the next
// release faulty" → promote: the health checks pass, monitoring sees the error rate cross its
// limit and the release rolls back on its own; the page says so in plain words and marks the
// breach and the rollback on the chart; production is on the previous version again. Phones
// (390×844): Promote and the production status in the first screen, no sideways scroll; the
// charts fit their boxes and follow them as they narrow and widen.
// `pnpm run screenshots` runs this spec to regenerate docs/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_VIEWER_TOKEN, DemoProcess } from '../support/demo-process.ts';
import { DESKTOP, expectChartsFollowTheirBox, expectInFirstScreen, expectNoSideScroll, PHONE, shoot } from '../support/layout.ts';

// a release: ~16 s deploy (15 s baseline) + 60 s watch window, with room for a slow machine
const RELEASE_MS = 180_000;
let demo: DemoProcess;

test.beforeAll(async () => {
  demo = await DemoProcess.start();
});
test.afterAll(async () => demo?.stop());

const releaseStatus = (page: Page) => page.locator('.release-head [data-status]');
// the production line itself (the last-outcome note may say the same words)
const productionLine = (page: Page, text: string) => page.getByTestId('production').filter({ hasText: text });
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

  await page.setViewportSize(DESKTOP);
  await page.goto(demo.signInUrl);
  await expect(page).not.toHaveURL(/token=/);
  await page.getByRole('link', { name: 'demo-shop' }).first().click();
  await expect(page.getByRole('heading', { name: 'demo-shop', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Make the next release faulty' })).toBeVisible();

  // on a phone: Promote and what production runs are in the first screen; nothing scrolls sideways
  await page.setViewportSize(PHONE);
  await expectInFirstScreen(page, page.getByRole('button', { name: 'Promote to production' }), 'the Promote button');
  await expectInFirstScreen(page, productionLine(page, 'Production runs 1.4.0'), 'the production status');
  await expectNoSideScroll(page);
  await shoot(page, 'project-phone.png');
  await page.setViewportSize(DESKTOP);
  await shoot(page, 'project-desktop.png');

  // 1. a good release: the baseline first (its own phase, counting down), then deploy and health checks
  await promote(page, '1.5.0');
  const baseline = page.getByRole('list', { name: 'Steps' }).locator('[data-step="baseline"]');
  await expect(baseline).toContainText(/Measuring\s*\d+s left/, { timeout: 30_000 });
  await expect(page.locator('.release-bar-status')).toContainText('Production has not changed yet');
  await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-step="deploy"]')).toContainText('Waits for the baseline');
  await expect(step(page, 'health-checks')).toHaveText(/Succeeded/, { timeout: RELEASE_MS });
  await expect(baseline).toContainText('Measured');
  // while it monitors, the charts, the verdict so far and the time left are in the first screen
  const monitoring = page.locator('section.monitoring');
  await expect(releaseStatus(page)).toHaveText(/Monitoring/, { timeout: 30_000 });
  const errorChart = monitoring.getByRole('img', { name: /^Error rate chart: ([3-9]|\d\d+) evaluations/ });
  await expect(errorChart).toBeVisible({ timeout: 45_000 });
  await expectInFirstScreen(page, errorChart, 'the error-rate chart');
  await expectInFirstScreen(page, monitoring.getByRole('img', { name: /^p95 latency chart/ }), 'the latency chart');
  await expectInFirstScreen(page, monitoring.locator('[data-verdict]'), 'the verdict');
  await expectInFirstScreen(page, monitoring.locator('.window-left'), 'the time left');
  await expect(monitoring.locator('.window-left')).toContainText(/\d+s left of the/);
  await expect(monitoring.locator('[data-verdict]')).toContainText(/So far (within the limits|over a limit): error rate [\d.]+% \(limit [\d.]+%\)|not enough data yet/);
  // the log is there on request, closed (one line, no empty box)
  await expect(page.getByRole('log')).toHaveCount(0);
  await shoot(page, 'release-monitoring-desktop.png');
  await expect(releaseStatus(page)).toHaveText(/Succeeded/, { timeout: RELEASE_MS });
  await expect(monitoring.locator('[data-verdict]')).toHaveAttribute('data-verdict', /PASS|INCONCLUSIVE/);
  await expect(monitoring.locator('.verdict-headline')).toContainText(/(Healthy|No clear answer): error rate [\d.]+% \(limit [\d.]+%\), p95 latency \d+ ms \(limit \d+ ms\)/);
  await expect(monitoring.locator('.verdict-detail')).toContainText(/How it was decided: .* vs baseline/);
  await shoot(page, 'release-healthy-desktop.png');
  await expectChartsFollowTheirBox(page);
  await page.setViewportSize(PHONE);
  await expectNoSideScroll(page);
  await expectChartsFollowTheirBox(page);
  await shoot(page, 'release-healthy-phone.png');
  await page.setViewportSize(DESKTOP);

  // 2. make the next release faulty (more errors); the plan refetches with the fault's commit
  await page.getByRole('link', { name: 'demo-shop' }).first().click();
  await expect(productionLine(page, 'Production runs 1.5.0')).toBeVisible();
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
  // plain words first: which number, its limit, what it was before, where production is now
  await expect(verdict.locator('.verdict-headline')).toHaveText(/Breach\s*Error rate [\d.]+% — limit [\d.]+% \(it was [\d.]+% before the deploy\)\. Rolled back to 1\.5\.0\.$/);
  // the statistics stay, as the detail
  await expect(verdict.locator('.verdict-detail')).toContainText(/error rate [\d.]+% vs baseline [\d.]+%: the increase \+[\d.]+ pp .* is above the allowed 1 pp/);
  await expect(monitoring.locator('[data-measurement="error-rate"]')).toContainText('over the limit');
  // the breach and the rollback are marked on the chart (drawn on it, named in its label and key)
  const faultyChart = monitoring.getByRole('img', { name: /^Error rate chart: ([2-9]|\d\d+) evaluations/ });
  await expect(faultyChart).toHaveAttribute('aria-label', /breach marked at \d\d:\d\d:\d\d; rollback to 1\.5\.0 marked at \d\d:\d\d:\d\d/);
  await expect(monitoring.getByRole('img', { name: /p95 latency chart/ })).toHaveAttribute('aria-label', /breach marked at/);
  await expect(monitoring.getByRole('list', { name: 'Chart key' }).locator('[data-mark="breach"]')).toContainText(/breach at \d\d:\d\d:\d\d/);
  await expect(monitoring.getByRole('list', { name: 'Chart key' }).locator('[data-mark="rollback"]')).toContainText(/rolled back to 1\.5\.0 at/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectInFirstScreen(page, faultyChart, 'the error-rate chart of the rolled-back release');
  await shoot(page, 'release-faulty-desktop.png');
  await expectChartsFollowTheirBox(page);
  await page.setViewportSize(PHONE);
  await expectNoSideScroll(page);
  await expectChartsFollowTheirBox(page);
  await shoot(page, 'release-faulty-phone.png');
  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-step="monitor"]')).toContainText('verdict FAIL');
  await expect(step(page, 'rollback')).toHaveText(/Succeeded/);
  await monitoring.screenshot({ path: shot('charts-rolled-back.png') });
  await page.screenshot({ path: shot('release-rolled-back.png'), fullPage: true });

  // 4. production is on the previous version again
  await page.getByRole('link', { name: 'demo-shop' }).first().click();
  await expect(productionLine(page, 'Production runs 1.5.0')).toBeVisible();
  await page.getByRole('link', { name: 'Projects' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'demo-shop' });
  await expect(card).toContainText('Rolled back');
  await page.screenshot({ path: shot('projects-after-rollback.png'), fullPage: true });
  // History on a phone: one readable card per release, nothing cut off, no sideways scroll
  await page.getByRole('link', { name: 'History' }).click();
  await page.setViewportSize(PHONE);
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: 'demo-shop' });
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('td[data-label="Outcome"]')).toBeInViewport();
  await expectNoSideScroll(page);
  await shoot(page, 'history-phone.png');
  await page.setViewportSize(DESKTOP);

  // the ship report shows its monitoring chart as a picture, not as SVG source text
  await page.getByRole('link', { name: 'Ship reports' }).click();
  await page.getByRole('link', { name: /demo-shop/ }).first().click();
  const report = page.getByLabel('Ship report');
  const chart = report.getByRole('img', { name: /^Monitoring chart/ });
  await expect(chart).toBeVisible();
  // the report links the chart as an SVG file (renders on GitHub); the dashboard shows the server's copy
  await expect(chart).toHaveAttribute('src', /^\/api\/releases\/[^/]+\/report\/monitoring\.svg$/);
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
