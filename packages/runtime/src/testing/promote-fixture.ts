// The promote fixture shared by bench/promote.bench.mjs and promote-git-calls.slow.test.ts: a
// bare origin and an app at v2.6.0 with an approved Spec-Flow feature, one releasable `feat:`
// commit, a production branch (git-branch deploy) and one HTTP health check on `healthUrl`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PromoteFixture {
  root: string;
  app: string;
  origin: string;
  /** HOME and git config of the fixture's own, for every process run in it. */
  env: Record<string, string>;
  git: (cwd: string, ...args: string[]) => string;
}

const STATE = 'feature:\n  slug: 001-checkout\nworkflow:\n  manual_gates:\n    staging_validation:\n      status: approved\n      approved_by: Jane\n      approved_at: 2026-11-20T14:55:00Z\nquality_gates:\n  rollback_capability:\n    passed: true\n    timestamp: 2026-11-20T14:50:12Z\n';

export function makePromoteFixture(healthUrl: string): PromoteFixture {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-promote-')));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');
  const env = { ...(process.env as Record<string, string>), HOME: home, GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  const origin = join(root, 'origin.git');
  const app = join(root, 'app');
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  git(root, 'init', '-q', '-b', 'main', app);
  git(app, 'remote', 'add', 'origin', origin);
  writeFileSync(join(app, 'package.json'), '{\n  "name": "acme-web",\n  "version": "2.6.0"\n}\n');
  writeFileSync(join(app, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Export API\n\n## [2.6.0] - 2024-05-01\n\n- first\n');
  mkdirSync(join(app, 'specs', '001-checkout'), { recursive: true });
  writeFileSync(join(app, 'specs', '001-checkout', 'state.yaml'), STATE);
  writeFileSync(join(app, '.shipgate.yaml'), `project: acme-web\ndeploy:\n  provider: git-branch\n  branch: production\nhealth:\n  checks:\n    - name: api\n      url: ${healthUrl}\n      expectStatus: 200\nmonitoring:\n  enabled: false\n`);
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'chore(release): v2.6.0');
  git(app, 'tag', '-a', 'v2.6.0', '-m', 'Release v2.6.0');
  git(app, 'commit', '-q', '--allow-empty', '-m', 'feat: export API');
  git(app, 'push', '-q', 'origin', 'main', 'refs/tags/v2.6.0');
  git(app, 'push', '-q', 'origin', 'main:production');
  return { root, app, origin, env, git };
}
