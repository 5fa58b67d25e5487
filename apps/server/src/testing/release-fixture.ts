// A releasable app for tests with the real engine: origin + work tree at 2.6.0 with a feat
// commit, a Keep a Changelog CHANGELOG, an approved Spec-Flow feature and a .shipgate.yaml.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitFixture, type GitFixture } from './git-fixture.js';

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Export API for orders

## [2.6.0] - 2024-05-01

### Added

- Wishlist sharing
`;

const STATE = `workflow:
  phase: "ship:validate-staging"
  manual_gates:
    staging_validation:
      status: approved
      approved_by: Jane Smith
      approved_at: 2026-11-20T14:55:00Z
quality_gates:
  rollback_capability:
    passed: true
    timestamp: 2026-11-20T14:50:12Z
`;

export function makeReleaseFixture(deploy: string): GitFixture {
  const fx = makeGitFixture(`project: acme-web\ndeploy:\n${deploy}\nmonitoring:\n  enabled: false\n`);
  writeFileSync(join(fx.app, 'CHANGELOG.md'), CHANGELOG);
  const spec = join(fx.app, 'specs', '001-checkout-redesign');
  mkdirSync(spec, { recursive: true });
  writeFileSync(join(spec, 'state.yaml'), STATE);
  git(fx.app, 'add', '-A');
  git(fx.app, 'commit', '-q', '--amend', '-m', 'chore(release): v2.6.0');
  git(fx.app, '-c', 'tag.gpgSign=false', 'tag', '-a', 'v2.6.0', '-m', 'Release v2.6.0');
  git(fx.app, 'commit', '-q', '--allow-empty', '-m', 'feat(orders): export API');
  git(fx.app, 'push', '-q', '--force', 'origin', 'main', 'refs/tags/v2.6.0');
  git(fx.app, 'push', '-q', 'origin', 'main:production');
  return fx;
}
