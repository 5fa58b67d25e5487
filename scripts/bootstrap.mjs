#!/usr/bin/env node
// Makes a fresh machine (Node 20 + npm only) ready: the pinned pnpm, the workspace's
// dependencies, and (when we may) Debian's Chromium for the browser tests.
// Idempotent and quiet when everything is already there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '10.34.8';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localBin = join(root, '.tools', 'node_modules', '.bin');
const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };
env.PATH = `${localBin}${delimiter}${env.PATH ?? ''}`;

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', ...options });
}
function output(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

if (output('pnpm', ['--version']) !== PNPM_VERSION) {
  console.log(`[bootstrap] installing pnpm ${PNPM_VERSION}`);
  const global = run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]);
  if (global.status !== 0 || output('pnpm', ['--version']) !== PNPM_VERSION) {
    // no permission for a global install: keep a private copy in .tools/
    mkdirSync(join(root, '.tools'), { recursive: true });
    const local = run('npm', ['install', '--prefix', join(root, '.tools'), '--no-save', `pnpm@${PNPM_VERSION}`]);
    if (local.status !== 0) {
      console.error('[bootstrap] could not install pnpm: run `npm i -g pnpm@' + PNPM_VERSION + '` and retry');
      process.exit(1);
    }
  }
}

const install = run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only']);
if (install.status !== 0) {
  console.error('[bootstrap] pnpm install failed (see above). Offline? The npm registry must be reachable.');
  process.exit(install.status ?? 1);
}

// The tests need two system programs: Debian's Chromium (the browser tests; Playwright's own
// download does not work offline) and Prometheus (the Prometheus metric source's integration
// test). As root on Debian they are installed here; otherwise the tests that need them fail
// saying how to install them — they are never skipped.
const wantsTestTools = process.argv.includes('--browser') || process.env.npm_lifecycle_event === 'test';
// (SHIPGATE_CHROMIUM / SHIPGATE_PROMETHEUS point the tests and this check elsewhere.)
const SYSTEM_TOOLS = [
  { binary: process.env.SHIPGATE_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium', why: 'the browser tests' },
  { binary: process.env.SHIPGATE_PROMETHEUS ?? '/usr/bin/prometheus', pkg: 'prometheus', why: 'the Prometheus integration test' },
];
const missing = wantsTestTools ? SYSTEM_TOOLS.filter((tool) => !existsSync(tool.binary)) : [];
if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const packages = missing.map((tool) => tool.pkg);
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`[bootstrap] installing Debian ${packages.join(' and ')} for ${missing.map((tool) => tool.why).join(' and ')}`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env: aptEnv });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env: aptEnv });
  }
  for (const tool of missing.filter((t) => !existsSync(t.binary))) {
    console.warn(`[bootstrap] ${tool.binary} is missing: ${tool.why} will fail until you install it (sudo apt-get install -y ${tool.pkg})`);
  }
}
