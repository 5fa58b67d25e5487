// A bare "origin" and a work tree of a small app at 2.6.0, like the acceptance fixture.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitFixture {
  root: string;
  origin: string;
  app: string;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function makeGitFixture(shipgateYaml = 'project: acme-web\n'): GitFixture {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-server-'));
  const origin = join(root, 'origin.git');
  const app = join(root, 'app');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  execFileSync('git', ['init', '-q', '-b', 'main', app]);
  git(app, 'config', 'user.name', 'Fixture');
  git(app, 'config', 'user.email', 'fixture@example.com');
  git(app, 'config', 'commit.gpgsign', 'false');
  git(app, 'remote', 'add', 'origin', origin);
  writeFileSync(join(app, 'package.json'), '{\n  "name": "acme-web",\n  "version": "2.6.0"\n}\n');
  writeFileSync(join(app, '.shipgate.yaml'), shipgateYaml);
  git(app, 'add', '-A');
  git(app, 'commit', '-q', '-m', 'chore(release): v2.6.0');
  git(app, 'push', '-q', 'origin', 'main');
  return { root, origin, app };
}
