// Real fixture repositories for the CLI's integration tests, like the acceptance fixture: a
// bare "origin" (core.hooksPath pointing at its own hooks dir), a work clone of a small app
// at 2.6.0 (tagged, pushed, production branch pushed), a Keep a Changelog CHANGELOG.md, a
// Spec-Flow feature with an approved staging validation, and a .shipgate.yaml. Every git
// command runs with a private HOME and global config, so the machine's config never leaks in.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PACKAGE_JSON = `{
  "name": "acme-web",
  "version": "2.6.0",
  "private": true,
  "description": "Acme storefront",
  "scripts": { "start": "node server.js" },
  "keywords": ["shop",   "web"]
}
`;

export const OLD_SECTION = `## [2.6.0] - 2024-05-01

### Added

- Wishlist sharing (#201)

### Fixed

- Currency rounding on invoices (#198)
`;

export const DEFAULT_UNRELEASED = '### Added\n\n- Export API for orders (#214)\n\n### Fixed\n\n- Crash when the cart is empty (#219)\n';

export function changelogText(unreleased: string = DEFAULT_UNRELEASED): string {
  return `# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

${unreleased}
${OLD_SECTION}
[Unreleased]: https://example.com/acme/acme-web/compare/v2.6.0...HEAD
[2.6.0]: https://example.com/acme/acme-web/compare/v2.5.0...v2.6.0
`;
}

export function stateYamlText(staging = 'approved'): string {
  return `# Spec-Flow workflow state (kept by hand in this fixture)
feature:
  slug: 001-checkout-redesign
  title: Checkout redesign
workflow:
  phase: "ship:validate-staging"
  status: in_progress
  completed_phases: [spec, plan, tasks, implement, "ship:ship-staging"]
  manual_gates:
    staging_validation:
      status: ${staging}
      approved_at: 2026-11-20T14:55:00Z
      approved_by: Jane Smith
quality_gates:
  rollback_capability:
    passed: true   # rollback drill on staging
    timestamp: 2026-11-20T14:50:12Z
deployment:
  staging:
    deployed: true
    url: https://staging.acme.example
`;
}

export interface FixtureOptions {
  /** Conventional commit messages added after v2.6.0, oldest first (pushed). */
  commits?: string[];
  /** Body of `## [Unreleased]`; '' for an empty section. */
  unreleased?: string;
  /** staging_validation.status in state.yaml. */
  staging?: string;
  /** One http health check against this URL (small timeouts); none when absent. */
  healthUrl?: string;
  /** deploy: section override (default git-branch → production). */
  deploy?: string;
  /** Appended to .shipgate.yaml. */
  extraConfig?: string;
  /** Refs the origin's `update` hook rejects. */
  rejectRefs?: string[];
}

export interface GitFixture {
  root: string;
  origin: string;
  app: string;
  specDir: string;
  /** Private HOME with its own global git config. */
  home: string;
  /** Environment for every process run against this fixture (git and the CLI). */
  env: Record<string, string>;
}

export function shipgateYamlText(options: Pick<FixtureOptions, 'healthUrl' | 'deploy' | 'extraConfig'> = {}): string {
  const health = options.healthUrl
    ? `health:
  checks:
    - name: api-health
      url: ${options.healthUrl}
      expectStatus: 200
      timeoutSeconds: 1
      intervalSeconds: 0.2
      deadlineSeconds: 3
`
    : '';
  return `project: acme-web
git:
  remote: origin
  mainBranch: main
version:
  files: [package.json]
  tagPrefix: v
changelog: CHANGELOG.md
specs: specs
deploy:
${options.deploy ?? '  provider: git-branch\n  branch: production\n'}${health}monitoring:
  enabled: false
${options.extraConfig ?? ''}`;
}

/** The environment of a fixture: a private HOME and global git config, no system config. */
export function fixtureEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('GIT_')) env[key] = value;
  return { ...env, HOME: home, GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
}

export function git(fx: Pick<GitFixture, 'env'>, cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: fx.env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function makeGitFixture(options: FixtureOptions = {}): GitFixture {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-cli-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Fixture\n\temail = fixture@example.com\n[init]\n\tdefaultBranch = main\n');
  const fx: GitFixture = { root, origin: join(root, 'origin.git'), app: join(root, 'app'), specDir: '', home, env: fixtureEnv(home) };
  const run = (cwd: string, ...args: string[]) => git(fx, cwd, ...args);
  run(root, 'init', '-q', '--bare', '-b', 'main', fx.origin);
  run(fx.origin, 'config', 'core.hooksPath', join(fx.origin, 'hooks'));
  run(root, 'init', '-q', '-b', 'main', fx.app);
  run(fx.app, 'remote', 'add', 'origin', fx.origin);
  writeFileSync(join(fx.app, 'package.json'), PACKAGE_JSON);
  writeFileSync(join(fx.app, 'CHANGELOG.md'), changelogText(options.unreleased));
  fx.specDir = join(fx.app, 'specs', '001-checkout-redesign');
  mkdirSync(fx.specDir, { recursive: true });
  writeFileSync(join(fx.specDir, 'state.yaml'), stateYamlText(options.staging));
  writeFileSync(join(fx.app, '.shipgate.yaml'), shipgateYamlText(options));
  writeFileSync(join(fx.app, 'server.js'), "console.log('acme');\n");
  run(fx.app, 'add', '-A');
  run(fx.app, 'commit', '-q', '-m', 'chore(release): v2.6.0');
  run(fx.app, 'tag', '-a', 'v2.6.0', '-m', 'Release v2.6.0');
  run(fx.app, 'push', '-q', 'origin', 'main', 'refs/tags/v2.6.0');
  run(fx.app, 'push', '-q', 'origin', 'main:production');
  for (const message of options.commits ?? ['feat(orders): export API', 'fix(cart): crash when empty']) commitMessage(fx, message);
  run(fx.app, 'push', '-q', 'origin', 'main');
  if (options.rejectRefs) rejectRefs(fx, options.rejectRefs);
  return fx;
}

/** An empty commit with a full message (subject, body, footers) kept verbatim. */
export function commitMessage(fx: GitFixture, message: string): string {
  git(fx, fx.app, 'commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', message);
  return git(fx, fx.app, 'rev-parse', 'HEAD');
}

/** The origin's `update` hook rejects pushes to these refs (like branch protection); [] accepts all. */
export function rejectRefs(fx: GitFixture, refs: string[]): void {
  const hook = join(fx.origin, 'hooks', 'update');
  if (refs.length === 0) {
    rmSync(hook, { force: true });
    return;
  }
  const cases = refs.map((ref) => `  "${ref}") echo "rejected by fixture: $1" >&2; exit 1 ;;`).join('\n');
  mkdirSync(join(fx.origin, 'hooks'), { recursive: true });
  writeFileSync(hook, `#!/bin/sh\ncase "$1" in\n${cases}\nesac\nexit 0\n`);
  chmodSync(hook, 0o755);
}

/** The sha a ref points at on the origin (peeled with ^{commit}), or null. */
export function remoteRef(fx: GitFixture, ref: string): string | null {
  try {
    return git(fx, fx.origin, 'rev-parse', '--verify', '-q', ref);
  } catch {
    return null;
  }
}

/** Every ref of the origin, one `sha ref` per line. */
export function remoteRefs(fx: GitFixture): string {
  return git(fx, fx.origin, 'show-ref');
}
