// What a person sees without scrolling, and the screenshots of it. `SHIPGATE_SCREENSHOTS=1`
// (`pnpm run screenshots`) also writes the named shots into docs/screenshots/ for the README.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

const DOCS = resolve(fileURLToPath(new URL('../../docs/screenshots', import.meta.url)));

export const DESKTOP = { width: 1400, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The page never scrolls sideways; names the widest elements when it does. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  const { width, wide } = await page.evaluate((limit) => ({
    width: document.documentElement.scrollWidth,
    wide: Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-scroll, .log, pre'))
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }), viewport.width);
  expect(width, `the page is wider than ${viewport.width} px; too wide: ${wide.join(', ')}`).toBeLessThanOrEqual(viewport.width);
}

/** Visible in the first screen: at the top of the page, wholly inside the viewport. */
export async function expectInFirstScreen(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  expect(await page.evaluate(() => window.scrollY), `the page is scrolled while checking ${what}`).toBe(0);
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y + box!.height, `${what} ends at ${Math.round(box!.y + box!.height)} px, below the ${viewport.height} px first screen`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${what} is cut off on the right`).toBeLessThanOrEqual(viewport.width);
}

/** A screenshot in the test's output, and in docs/screenshots/ when asked to regenerate them. */
export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name), fullPage: options.fullPage ?? false });
  if (process.env['SHIPGATE_SCREENSHOTS']) {
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, name), fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  }
}

/**
 * Every monitoring chart fits its box, and follows it: when the box narrows (here in the same
 * task, before any resize callback could run) the chart never sticks out of it, and within a
 * couple of frames it is redrawn at the new width; when the box widens again, so does the chart.
 */
export async function expectChartsFollowTheirBox(page: Page): Promise<void> {
  const report = await page.evaluate(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('.chart'));
    const section = boxes[0]?.closest<HTMLElement>('section.monitoring');
    if (!section) return { charts: 0 };
    const widths = () => boxes.map((box) => ({ box: box.clientWidth, chart: Math.round(box.querySelector('.uplot')?.getBoundingClientRect().width ?? -1) }));
    await frames();
    const before = widths();
    section.style.maxWidth = '240px';
    const charts = section.querySelector<HTMLElement>('.charts')!;
    const overflowAtOnce = charts.scrollWidth - charts.clientWidth;
    await frames();
    const narrow = widths();
    section.style.maxWidth = '';
    await frames();
    const after = widths();
    return { charts: boxes.length, before, overflowAtOnce, narrow, after };
  });
  expect(report.charts, 'monitoring charts on the page').toBeGreaterThan(0);
  const fits = (w: { box: number; chart: number }) => w.chart > 0 && w.chart <= w.box && w.chart >= w.box - 1;
  expect(report.before!.every(fits), `each chart fills its box: ${JSON.stringify(report.before)}`).toBe(true);
  expect(report.overflowAtOnce, 'a chart sticks out of its narrowed box before it is resized').toBe(0);
  expect(report.narrow!.every((w) => fits(w) && w.box <= 240), `each chart follows its box down to 240 px: ${JSON.stringify(report.narrow)}`).toBe(true);
  expect(report.after, 'each chart grows back with its box').toEqual(report.before);
}
