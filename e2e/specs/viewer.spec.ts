// 5) A viewer sees everything and cannot promote; the delivery log shows what was sent where,
// with "Send again" disabled for the viewer (saying why) and working for a deployer.
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPLOYER_TOKEN, VIEWER_TOKEN } from '../support/shipgate-server.ts';
import { startWorld, type World } from '../support/world.ts';

let world: World;
let hook: Server;
const received: { event: string; delivery: string }[] = [];
test.beforeAll(async () => {
  // a real webhook receiver: it refuses the lock notification (500) and takes the others
  hook = createServer((req, res) => {
    const event = String(req.headers['x-shipgate-event']);
    received.push({ event, delivery: String(req.headers['x-shipgate-delivery']) });
    req.resume().on('end', () => res.writeHead(event === 'project.locked' ? 500 : 204).end());
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const config = join(mkdtempSync(join(tmpdir(), 'shipgate-e2e-config-')), 'server.yaml');
  writeFileSync(config, `notifications:\n  - { kind: webhook, name: ops-hook, url: "http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook", secretEnv: E2E_HOOK_SECRET }\n`);
  world = await startWorld({}, { args: ['--config', config], env: { E2E_HOOK_SECRET: 'e2e-hook-secret' } });
});
test.afterAll(async () => {
  await world?.stop();
  hook?.closeAllConnections();
  await new Promise((r) => hook?.close(r));
});

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

test('the delivery log shows status, attempts and the last error; Send again is for deployers', async ({ page, browser }) => {
  await world.server.api('POST', '/api/projects/acme-web/lock', { reason: 'e2e incident' });
  const unlocked = await fetch(`${world.server.baseUrl}/api/projects/acme-web/lock`, { method: 'DELETE', headers: { authorization: `Bearer ${DEPLOYER_TOKEN}` } });
  expect(unlocked.status).toBe(200);

  await page.goto(`${world.server.baseUrl}/projects/acme-web`);
  await page.getByLabel('Token').fill(VIEWER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const log = page.getByTestId('delivery-log');
  const lockRow = log.locator('tr[data-type="project.locked"]');
  const unlockRow = log.locator('tr[data-type="project.unlocked"]');
  await expect(lockRow).toContainText(/Retrying: attempt 2 of 4/);
  await expect(lockRow).toContainText('answered 500');
  await expect(lockRow).toContainText('ops-hook');
  await expect(unlockRow).toContainText('Delivered');
  await expect(unlockRow.locator('td[data-label="Attempts"]')).toHaveText('1 of 4');
  await expect(log).toContainText('Viewers cannot send notifications again.');
  await expect(unlockRow.getByRole('button', { name: 'Send again' })).toBeDisabled();
  await expect(unlockRow.getByRole('button', { name: 'Send again' })).toHaveAttribute('title', 'Viewers cannot send notifications again.');
  await page.screenshot({ path: test.info().outputPath('delivery-log-viewer.png'), fullPage: true });

  const deployer = await (await browser.newContext()).newPage();
  await deployer.goto(world.server.signInUrl(DEPLOYER_TOKEN, '/projects/acme-web'));
  const deployerUnlockRow = deployer.getByTestId('delivery-log').locator('tr[data-type="project.unlocked"]');
  await expect(deployer.getByTestId('delivery-log').locator('tr[data-type="project.locked"]').getByRole('button', { name: 'Send again' })).toHaveAttribute('title', 'Still being sent: wait for its outcome.');
  const sends = received.filter((r) => r.event === 'project.unlocked');
  expect(sends).toHaveLength(1);
  await deployerUnlockRow.getByRole('button', { name: 'Send again' }).click();
  await expect.poll(() => received.filter((r) => r.event === 'project.unlocked').map((r) => r.delivery)).toEqual([sends[0]!.delivery, sends[0]!.delivery]);
  await expect(deployerUnlockRow).toContainText('Delivered');
  await deployer.screenshot({ path: test.info().outputPath('delivery-log-deployer.png'), fullPage: true });
});
