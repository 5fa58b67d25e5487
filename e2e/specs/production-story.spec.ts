// The story of issue 11 in the dashboard, on the real `shipgate demo` (short monitoring
// windows): promote 1.5.0, promote 1.5.1, roll 1.5.1 back by hand with a reason, make the next
// release faulty and promote it (monitoring rolls it back), "Fix the fault", promote the fix.
// After every step, the project page's production line and the release page's header
// ("from → to") say what the API says (/api/projects, /api/releases/:id), what the remote's
// production branch holds and what the demo production service answers on /api/version; a
// release's "from" is always what production ran before it (never a rolled-back build). History
// shows the manual rollback as its own item linked to the release it replaced, which still
// says Succeeded with a "rolled back by hand" link.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DemoProcess } from '../support/demo-process.ts';

// the windows the server's replay test uses: a release takes ~45 s (6 s baseline, 30 s watch)
const MONITORING = { window: '30s', baseline: '6s', warmup: '2s', interval: '3s' };
const RELEASE_MS = 150_000;
let demo: DemoProcess;

test.beforeAll(async () => {
  demo = await DemoProcess.start({ monitoring: MONITORING });
});
test.afterAll(async () => demo?.stop());

interface Production {
  version: string | null;
  tag: string | null;
  commit: string | null;
  releaseId: string | null;
}
interface Release {
  id: string;
  kind: string;
  status: string;
  version: string | null;
  previousVersion: string | null;
  reason?: string | null;
  rollbackOf?: string | null;
  rolledBackBy?: string | null;
  actions: string[];
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${demo.baseUrl}${path}`, { headers: { authorization: `Bearer ${demo.token}` } });
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'E2E', GIT_AUTHOR_EMAIL: 'e2e@demo.invalid', GIT_COMMITTER_NAME: 'E2E', GIT_COMMITTER_EMAIL: 'e2e@demo.invalid' },
  }).trim();
const origin = () => join(demo.root, 'origin.git');

const releaseStatus = (page: Page) => page.locator('.release-head [data-status]');

async function openProject(page: Page): Promise<void> {
  await page.goto(`${demo.baseUrl}/projects/demo-shop`);
  await expect(page.getByRole('heading', { name: 'demo-shop', level: 1 })).toBeVisible();
}

/**
 * What production runs, said four ways that must agree: the project page's production line,
 * the API's project (production and productionVersion), the remote's production branch (the
 * release tag's commit) and the demo service's /api/version. The page is read first: on a fresh
 * server the production becomes known with the page's plan, and the page must then show it.
 */
async function expectProduction(page: Page, version: string, releaseId?: string): Promise<void> {
  await openProject(page);
  await expect(page.getByTestId('production')).toContainText(`Production runs ${version}.`);
  const branch = git(origin(), 'rev-parse', 'refs/heads/production');
  expect(git(origin(), 'rev-parse', `refs/tags/v${version}^{commit}`), `the remote's production branch runs v${version}`).toBe(branch);
  await expect
    .poll(async () => ((await (await fetch(`${demo.serviceUrl}/api/version`)).json()) as { version: string }).version, { message: 'the demo service runs it', timeout: 15_000 })
    .toBe(version);
  const [project] = await api<Array<{ id: string; productionVersion: string | null; production: Production | null }>>('/api/projects');
  expect(project?.productionVersion).toBe(version);
  expect(project?.production).toMatchObject({ version, tag: `v${version}`, commit: branch, ...(releaseId ? { releaseId } : {}) });
}

/** The release page's header and the API's release agree: "from → to", the version, the outcome. */
async function expectRelease(page: Page, id: string, want: { version: string; previousVersion: string; status: string; label: RegExp }): Promise<Release> {
  const release = await api<Release>(`/api/releases/${id}`);
  expect(release).toMatchObject({ version: want.version, previousVersion: want.previousVersion, status: want.status });
  await page.goto(`${demo.baseUrl}/releases/${id}`);
  await expect(page.locator('.release-head h1')).toHaveText(`demo-shop ${want.version}`);
  await expect(releaseStatus(page)).toHaveText(want.label);
  await expect(page.getByTestId('release-summary')).toContainText(`${want.previousVersion} → ${want.version} · by`);
  return release;
}

/** Promote from the project page (the plan offers `version`), wait on the release page until it ends. */
async function promote(page: Page, version: string, previousVersion: string, ends: RegExp): Promise<string> {
  await openProject(page);
  // the promote panel says it from what production runs, as the release header will
  await expect(page.locator('#promote-reason')).toHaveText(`Ready: demo-shop ${previousVersion} → ${version}.`);
  await page.getByRole('button', { name: 'Promote to production' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Promote demo-shop ${version} to production?`);
  await dialog.getByRole('button', { name: `Promote ${version}` }).click();
  await expect(page).toHaveURL(/\/releases\/[^/]+$/);
  // while it runs, the header already says where production comes from
  await expect(page.getByTestId('release-summary')).toContainText(`${previousVersion} → ${version}`);
  await expect(releaseStatus(page)).toHaveText(ends, { timeout: RELEASE_MS });
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

test('production, the remote, the service and the pages agree through release, rollback by hand, a faulty release and its fix', async ({ page }) => {
  test.setTimeout(4 * RELEASE_MS + 120_000);
  // the first page opened on a fresh server is the project: production becomes known with its
  // plan (core's productionNow), and the page must then say it
  await page.goto(`${demo.baseUrl}/projects/demo-shop?token=${encodeURIComponent(demo.token)}`);
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByTestId('production')).toContainText('Production runs 1.4.0.');
  await expectProduction(page, '1.4.0');

  // 1. a release
  const first = await promote(page, '1.5.0', '1.4.0', /Succeeded/);
  await expectRelease(page, first, { version: '1.5.0', previousVersion: '1.4.0', status: 'succeeded', label: /Succeeded/ });
  await expectProduction(page, '1.5.0', first);

  // 2. another release (a fix pushed to the demo app's main)
  const app = join(demo.root, 'app');
  git(app, 'pull', '-q', '--rebase', 'origin', 'main');
  writeFileSync(join(app, 'src/reorder.js'), 'export const reorder = (order) => ({ ...order, id: undefined, note: order.note });\n');
  git(app, 'commit', '-q', '-am', 'fix(orders): reorder keeps the delivery note');
  git(app, 'push', '-q', 'origin', 'main');
  const second = await promote(page, '1.5.1', '1.5.0', /Succeeded/);
  await expectRelease(page, second, { version: '1.5.1', previousVersion: '1.5.0', status: 'succeeded', label: /Succeeded/ });
  await expectProduction(page, '1.5.1', second);

  // 3. roll 1.5.1 back by hand, with a reason: a new record; the dashboard follows it
  await page.goto(`${demo.baseUrl}/releases/${second}`);
  await page.getByRole('button', { name: 'Roll back' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Production goes back to 1.5.0');
  await dialog.getByLabel(/Why/).fill('orders page is slow');
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(page).not.toHaveURL(new RegExp(`/releases/${second}$`));
  const rollbackId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(releaseStatus(page)).toHaveText(/Succeeded/, { timeout: RELEASE_MS });
  const rollback = await expectRelease(page, rollbackId, { version: '1.5.0', previousVersion: '1.5.1', status: 'succeeded', label: /Succeeded/ });
  expect(rollback).toMatchObject({ kind: 'rollback', reason: 'orders page is slow', rollbackOf: second });
  // the replaced release keeps its outcome, gains the link, and offers no second rollback
  expect(await expectRelease(page, second, { version: '1.5.1', previousVersion: '1.5.0', status: 'succeeded', label: /Succeeded/ })).toMatchObject({ rolledBackBy: rollbackId, actions: [] });
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await expectProduction(page, '1.5.0', rollbackId);
  await expect(page.getByTestId('last-outcome')).toContainText('1.5.1 was rolled back by hand to 1.5.0 (orders page is slow). Production runs 1.5.0.');

  // History: the rollback is its own item, linked both ways; 1.5.1 still says Succeeded
  await page.getByRole('link', { name: 'History' }).click();
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: 'demo-shop' });
  await expect(rows).toHaveCount(3);
  const rollbackRow = rows.filter({ hasText: 'Rollback to 1.5.0' });
  await expect(rollbackRow.getByRole('link', { name: 'Rollback to 1.5.0' })).toHaveAttribute('href', `/releases/${rollbackId}`);
  await expect(rollbackRow).toContainText('(replaced 1.5.1)');
  await expect(rollbackRow.getByRole('link', { name: '1.5.1' })).toHaveAttribute('href', `/releases/${second}`);
  await expect(rollbackRow.locator('td[data-label="Outcome"]')).toHaveText(/Succeeded/);
  const replacedRow = rows.filter({ has: page.getByRole('link', { name: '1.5.1', exact: true }) }).filter({ hasNotText: 'Rollback to' });
  await expect(replacedRow.locator('td[data-label="Outcome"]')).toHaveText(/Succeeded/);
  await expect(replacedRow.getByRole('link', { name: 'rolled back by hand' })).toHaveAttribute('href', `/releases/${rollbackId}`);
  const listed = (await api<{ items: Release[] }>('/api/releases?project=demo-shop')).items.map((r) => [r.kind, r.version, r.status]);
  expect(listed).toEqual([
    ['rollback', '1.5.0', 'succeeded'],
    ['release', '1.5.1', 'succeeded'],
    ['release', '1.5.0', 'succeeded'],
  ]);

  // 4. a faulty release: its "from" is what production runs (1.5.0), monitoring rolls it back
  await openProject(page);
  const panel = page.locator('.demo-panel');
  await expect(panel.getByRole('button', { name: 'Fix the fault' })).toHaveCount(0);
  await panel.getByRole('radio', { name: /More errors/ }).check();
  await panel.getByRole('button', { name: 'Make the next release faulty' }).click();
  await expect(panel.getByRole('status')).toHaveText(/Committed [0-9a-f]{7}: the next release carries more errors\./);
  const faulty = await promote(page, '1.6.0', '1.5.0', /Rolled back/);
  const rolledBack = await expectRelease(page, faulty, { version: '1.6.0', previousVersion: '1.5.0', status: 'rolled_back', label: /Rolled back/ });
  expect(rolledBack.kind).toBe('release');
  await expectProduction(page, '1.5.0');

  // 5. the project page says what happened and offers the way forward: Fix the fault
  await expect(page.getByTestId('last-outcome')).toContainText('1.6.0 was rolled back automatically');
  await expect(page.getByTestId('last-outcome')).toContainText('Production runs 1.5.0.');
  const fix = panel.getByRole('button', { name: 'Fix the fault' });
  await expect(fix).toBeEnabled();
  await fix.click();
  await expect(panel.getByRole('status').filter({ hasText: 'Fixed in' })).toHaveText(/Fixed in [0-9a-f]{7}: promote to ship the fix\./);
  const fixCommit = git(origin(), 'rev-parse', 'refs/heads/main');
  expect(git(origin(), 'log', '-1', '--format=%s', fixCommit)).toBe('fix(checkout): revert the faulty change that monitoring caught');
  expect(fixCommit.startsWith((await panel.getByRole('status').filter({ hasText: 'Fixed in' }).locator('code').textContent()) ?? '-')).toBe(true);

  // 6. the fixed release: from 1.5.0 (what production ran), not from the rolled-back 1.6.0
  const fixed = await promote(page, '1.6.1', '1.5.0', /Succeeded/);
  await expectRelease(page, fixed, { version: '1.6.1', previousVersion: '1.5.0', status: 'succeeded', label: /Succeeded/ });
  await expectProduction(page, '1.6.1', fixed);
  await expect(page.getByTestId('last-outcome')).toHaveCount(0);
  await expect(page.locator('.demo-panel').getByRole('button', { name: 'Fix the fault' })).toHaveCount(0);
});
