import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.SHIPGATE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  // fail the run, never skip it: the browser tests are part of npm test
  throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`sudo apt-get install -y chromium\` (npm test does that itself when run as root on Debian)`);
}

// Debian's Chromium (never `playwright install`); one worker: the machine's 2 cores are shared,
// and each spec file starts its own real server on real git fixtures.
export default defineConfig({
  testDir: './specs',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
