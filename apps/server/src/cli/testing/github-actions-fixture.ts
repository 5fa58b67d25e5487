// A CLI fixture deploying with the github-actions provider exactly as the example is written
// (packages/core/src/config/examples/github-actions.shipgate.yaml, its workflow file committed),
// against a bare git remote and the local GitHub REST stand-in on 127.0.0.1
// (@shipgate/runtime/testing/github-api-server): GitHub itself is unreachable from here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGithubApiServer, type GithubApiServer } from '@shipgate/runtime/testing/github-api-server';
import { git, makeGitFixture, type GitFixture } from './git-fixture.js';

export const EXAMPLES = join(import.meta.dirname, '../../../../../packages/core/src/config/examples');
export const GITHUB_TOKEN = 'ghs_e2eToken0123456789';
/** What the example workflow declares (examples/workflows/deploy.yml), as GitHub would read it. */
export const DECLARED = { environment: { required: true }, version: { required: true }, dry_run: { default: 'false' }, rollback: { default: 'false' }, shipgate_id: {} };

export interface GithubActionsFixture extends GitFixture {
  github: GithubApiServer;
}

export interface GithubActionsFixtureOptions {
  healthUrl?: string;
  /** deploy: keys replaced in the example's block (apiUrl, timeout, pollInterval are set for tests). */
  deploy?: Record<string, string>;
  /** The committed .github/workflows/deploy.yml (default: the example's). */
  workflow?: string;
  /** A `monitoring:` section replacing the fixture's `monitoring: enabled: false`. */
  monitoring?: string;
}

/** The example's deploy: section as written, pointed at the local GitHub with test-sized waits. */
export function exampleDeploy(apiUrl: string, overrides: Record<string, string> = {}): string {
  const text = readFileSync(join(EXAMPLES, 'github-actions.shipgate.yaml'), 'utf8');
  const lines = text.slice(text.indexOf('deploy:\n') + 'deploy:\n'.length).split('\n');
  const block = lines.slice(0, lines.findIndex((line) => /^\S/.test(line)));
  const values: Record<string, string> = { apiUrl, timeout: '30s', pollInterval: '0.2s', ...overrides };
  return `${block.map((line) => line.replace(/^( {2}(\w+): ).*$/, (whole, prefix: string, key: string) => (values[key] === undefined ? whole : `${prefix}${values[key]}`))).join('\n')}\n`;
}

/** The app at 2.6.0 with unreleased commits, the stand-in knowing the origin's refs, GITHUB_TOKEN set. */
export async function githubActionsFixture(options: GithubActionsFixtureOptions = {}): Promise<GithubActionsFixture> {
  let origin = '';
  const github = await startGithubApiServer({
    token: GITHUB_TOKEN,
    refs: (ref) => {
      for (const full of [`refs/tags/${ref}^{commit}`, `refs/heads/${ref}`]) {
        try {
          return execFileSync('git', ['rev-parse', '--verify', '-q', full], { cwd: origin, encoding: 'utf8', stdio: 'pipe' }).trim();
        } catch {
          // not this kind of ref
        }
      }
      return undefined;
    },
    workflows: [{ id: 161335, file: 'deploy.yml', inputs: DECLARED, runName: (inputs) => `Deploy ${inputs['version'] ?? ''} (${inputs['shipgate_id'] ?? ''})` }],
  });
  const fx = makeGitFixture({ deploy: exampleDeploy(github.url, options.deploy), ...(options.healthUrl ? { healthUrl: options.healthUrl } : {}) });
  origin = fx.origin;
  if (options.monitoring) {
    const config = join(fx.app, '.shipgate.yaml');
    const text = readFileSync(config, 'utf8');
    if (!text.includes('monitoring:\n  enabled: false\n')) throw new Error('the fixture config has no monitoring section to replace');
    writeFileSync(config, text.replace('monitoring:\n  enabled: false\n', options.monitoring));
  }
  mkdirSync(join(fx.app, '.github/workflows'), { recursive: true });
  writeFileSync(join(fx.app, '.github/workflows/deploy.yml'), options.workflow ?? readFileSync(join(EXAMPLES, 'workflows/deploy.yml'), 'utf8'));
  git(fx, fx.app, 'add', '-A');
  git(fx, fx.app, 'commit', '-q', '-m', 'ci: deploy workflow');
  git(fx, fx.app, 'push', '-q', 'origin', 'main');
  return { ...fx, env: { ...fx.env, GITHUB_TOKEN }, github };
}

/** Publishes a release on the stand-in through its REST API, as a person or an earlier run did. */
export async function publishRelease(github: GithubApiServer, tag: string): Promise<{ id: number }> {
  const response = await fetch(`${github.url}/repos/acme/acme-web/releases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${GITHUB_TOKEN}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'fixture', 'content-type': 'application/json' },
    body: JSON.stringify({ tag_name: tag, name: tag, body: `Release ${tag}`, draft: false, prerelease: false }),
  });
  if (response.status !== 201) throw new Error(`the stand-in answered ${response.status} to publishing ${tag}: ${await response.text()}`);
  return (await response.json()) as { id: number };
}
