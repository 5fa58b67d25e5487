// Real fixture repositories (modelled on the acceptance fixture): a bare origin, a work
// clone of a small app at 2.6.0 (tagged, pushed, production branch pushed), a Keep a
// Changelog CHANGELOG.md, an approved Spec-Flow feature, and a .shipgate.yaml.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureOptions {
  commits?: string[];
  unreleased?: string;
  staging?: 'approved' | 'pending';
  healthUrl: string;
  /** The deploy block's body (indented two spaces); default: the git-branch provider. */
  deploy?: string;
}

export interface Fixture {
  root: string;
  origin: string;
  app: string;
}

const AUTHOR = { GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.com', GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.com' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...AUTHOR } }).trim();
}

const changelog = (unreleased: string) => `# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

${unreleased}
## [2.6.0] - 2024-05-01

### Added

- Wishlist sharing (#201)
`;

const stateYaml = (staging: string) => `feature:
  slug: 001-checkout-redesign
  title: Checkout redesign
workflow:
  phase: "ship:validate-staging"
  manual_gates:
    staging_validation:
      status: ${staging}
      approved_at: 2026-11-20T14:55:00Z
      approved_by: Jane Smith
quality_gates:
  rollback_capability:
    passed: true
    timestamp: 2026-11-20T14:50:12Z
`;

const shipgateYaml = (healthUrl: string, deploy: string) => `project: acme-web
deploy:
${deploy}
health:
  checks:
    - name: api-health
      url: ${healthUrl}
      expectStatus: 200
monitoring:
  enabled: false
`;

export function makeFixture(options: FixtureOptions): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-e2e-'));
  const origin = join(root, 'origin.git');
  const app = join(root, 'app');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  execFileSync('git', ['-C', origin, 'config', 'core.hooksPath', join(origin, 'hooks')]);
  execFileSync('git', ['init', '-q', '-b', 'main', app]);
  git(app, 'config', 'user.name', 'Fixture');
  git(app, 'config', 'user.email', 'fixture@example.com');
  git(app, 'config', 'commit.gpgsign', 'false');
  git(app, 'remote', 'add', 'origin', origin);
  writeFileSync(join(app, 'package.json'), '{\n  "name": "acme-web",\n  "version": "2.6.0",\n  "private": true\n}\n');
  writeFileSync(join(app, 'CHANGELOG.md'), changelog(options.unreleased ?? '### Added\n\n- Export API for orders (#214)\n'));
  const specDir = join(app, 'specs', '001-checkout-redesign');
  mkdirSync(specDir, { recursive: true });
  writeFileSync(join(specDir, 'state.yaml'), stateYaml(options.staging ?? 'approved'));
  writeFileSync(join(app, '.shipgate.yaml'), shipgateYaml(options.healthUrl, options.deploy ?? '  provider: git-branch\n  branch: production'));
  git(app, 'add', '-A');
  git(app, 'commit', '-q', '-m', 'chore(release): v2.6.0');
  git(app, '-c', 'tag.gpgSign=false', 'tag', '-a', 'v2.6.0', '-m', 'Release v2.6.0');
  git(app, 'push', '-q', 'origin', 'main', 'refs/tags/v2.6.0');
  git(app, 'push', '-q', 'origin', 'main:production');
  for (const message of options.commits ?? ['feat(orders): export API']) git(app, 'commit', '-q', '--allow-empty', '-m', message);
  git(app, 'push', '-q', 'origin', 'main');
  return { root, origin, app };
}
