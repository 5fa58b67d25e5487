// Creates (or reuses) the demo sandbox: a bare "origin", a work clone of the demo app at
// 1.4.0 (tagged, pushed, production branch pushed) with conventional commits and
// Unreleased entries ready to release. Everything lives under one git-ignored folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShipgateError } from '@shipgate/core';
import { dataDirHolder } from '../data-dir-lock.js';
import { CHANGELOG, packageJson, shipgateYaml, STATE_YAML, type DemoMonitoring } from './sandbox-files.js';

export interface Sandbox {
  root: string;
  origin: string;
  app: string;
  /** The demo service's own checkout of whatever production points to. */
  serviceDir: string;
  dataDir: string;
  created: boolean;
}

const IDENTITY = { GIT_AUTHOR_NAME: 'Demo Developer', GIT_AUTHOR_EMAIL: 'dev@demo.invalid', GIT_COMMITTER_NAME: 'Demo Developer', GIT_COMMITTER_EMAIL: 'dev@demo.invalid' };

export function sandboxGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...IDENTITY } }).trim();
}

export function buildSandbox(options: { root: string; reset?: boolean; servicePort: number; monitoring?: DemoMonitoring }): Sandbox {
  const { root } = options;
  const sandbox = { root, origin: join(root, 'origin.git'), app: join(root, 'app'), serviceDir: join(root, 'production'), dataDir: join(root, 'data'), created: false };
  const marker = join(root, 'sandbox.json');
  // a sandbox made for another service port would health-check the wrong port: rebuild it
  const samePort = existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { servicePort?: number }).servicePort === options.servicePort;
  const holder = existsSync(root) ? dataDirHolder(sandbox.dataDir) : null;
  if (holder !== null) {
    // never rebuild (or share) a sandbox a running demo is using
    throw new ShipgateError('USAGE', `a demo (pid ${holder}) is running from ${root}`, { hint: 'stop it first (Ctrl-C), or run this one elsewhere with --data-dir <another dir>' });
  }
  if (options.reset || !samePort) rmSync(root, { recursive: true, force: true });
  if (existsSync(join(sandbox.app, '.git')) && existsSync(sandbox.origin)) return sandbox;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', sandbox.origin]);
  execFileSync('git', ['init', '-q', '-b', 'main', sandbox.app]);
  const git = (...args: string[]) => sandboxGit(sandbox.app, ...args);
  git('config', 'user.name', IDENTITY.GIT_AUTHOR_NAME);
  git('config', 'user.email', IDENTITY.GIT_AUTHOR_EMAIL);
  git('config', 'commit.gpgsign', 'false');
  git('remote', 'add', 'origin', sandbox.origin);
  const write = (path: string, text: string) => {
    mkdirSync(join(sandbox.app, path, '..'), { recursive: true });
    writeFileSync(join(sandbox.app, path), text);
  };
  write('package.json', packageJson('1.4.0'));
  write('CHANGELOG.md', CHANGELOG.replace(/## \[Unreleased\][\s\S]*?## \[1\.4\.0\]/, '## [Unreleased]\n\n## [1.4.0]'));
  write('specs/001-demo-checkout/state.yaml', STATE_YAML);
  write('.shipgate.yaml', shipgateYaml(options.servicePort, options.monitoring));
  write('README.md', '# demo-shop\n\nThe app Shipgate releases in its demo sandbox.\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'chore(release): v1.4.0');
  git('-c', 'tag.gpgSign=false', 'tag', '-a', 'v1.4.0', '-m', 'Release v1.4.0\n\n### Added\n\n- Saved addresses (#31)');
  git('push', '-q', 'origin', 'main', 'refs/tags/v1.4.0');
  git('push', '-q', 'origin', 'main:production');
  write('CHANGELOG.md', CHANGELOG);
  write('src/reorder.js', "export const reorder = (order) => ({ ...order, id: undefined });\n");
  git('add', '-A');
  git('commit', '-q', '-m', 'feat(orders): one-click reorder from the order history');
  write('src/cart.js', 'export const total = (items) => Math.round(items.reduce((s, i) => s + i.price, 0) * 1000) / 1000;\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'fix(cart): rounding for three-decimal currencies');
  git('push', '-q', 'origin', 'main');
  writeFileSync(marker, `${JSON.stringify({ servicePort: options.servicePort, createdAt: new Date().toISOString() })}\n`);
  sandbox.created = true;
  return sandbox;
}
