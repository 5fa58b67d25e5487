#!/usr/bin/env node
// Runs the pinned pnpm (global, or the copy bootstrap.mjs put in .tools/) with the
// arguments given, so `npm start` / `npm test` work on a machine that has only npm.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localBin = join(root, '.tools', 'node_modules', '.bin');
const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };
if (existsSync(join(localBin, 'pnpm'))) env.PATH = `${localBin}${delimiter}${env.PATH ?? ''}`;
const result = spawnSync('pnpm', process.argv.slice(2), { cwd: root, env, stdio: 'inherit' });
if (result.error) {
  console.error(`could not run pnpm: ${result.error.message}. Run: npm i -g pnpm@10.34.8`);
  process.exit(1);
}
process.exit(result.status ?? 1);
