import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../errors.js';
import { parseConfig } from './parse-config.js';

const parse = (text: string) => parseConfig(text, { file: '.shipgate.yaml', defaultProject: 'acme-web' });

function firstLine(text: string): string {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ShipgateError) return error.format().split('\n')[0]!;
    throw error;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('deploy: git-branch', () => {
  it('is the default provider, following the production branch', () => {
    expect(parse('deploy:\n  branch: live\n').deploy).toEqual({ provider: 'git-branch', branch: 'live' });
  });

  it('refuses to deploy by moving the main branch', () => {
    expect(firstLine('deploy:\n  branch: main\n')).toBe('.shipgate.yaml:2:11 deploy.branch: the deploy branch cannot be the main branch "main"');
  });

  it('names a setting that belongs to another provider', () => {
    expect(firstLine('deploy:\n  provider: git-branch\n  command: vercel --prod\n')).toBe(
      '.shipgate.yaml:3:3 deploy.command: "command" is a setting of the command provider, not git-branch',
    );
    expect(firstLine('deploy:\n  timeout: 10m\n')).toBe('.shipgate.yaml:2:3 deploy.timeout: "timeout" is a setting of the command and github-actions providers, not git-branch');
  });
});

describe('deploy: command', () => {
  it('reads the command, its companions and the timeout (default 900 s)', () => {
    expect(parse('deploy:\n  provider: command\n  command: vercel --prod --yes\n').deploy).toEqual({ provider: 'command', command: 'vercel --prod --yes', timeoutSeconds: 900 });
    const full = parse(`deploy:
  provider: command
  command: ./deploy.sh
  rollbackCommand: ./deploy.sh --to "$SHIPGATE_ROLLBACK_TO"
  reportCommand: cat .deploy-url
  timeout: 20m
  cwd: infra
`).deploy;
    expect(full).toEqual({
      provider: 'command',
      command: './deploy.sh',
      rollbackCommand: './deploy.sh --to "$SHIPGATE_ROLLBACK_TO"',
      reportCommand: 'cat .deploy-url',
      timeoutSeconds: 1200,
      cwd: 'infra',
    });
  });

  it('requires the command', () => {
    expect(firstLine('deploy:\n  provider: command\n')).toBe('.shipgate.yaml:1:1 deploy.command: required for provider command: the shell command that deploys, e.g. "vercel --prod --yes"');
  });

  it('refuses a git-branch setting', () => {
    expect(firstLine('deploy:\n  provider: command\n  command: fly deploy\n  branch: production\n')).toBe(
      '.shipgate.yaml:4:3 deploy.branch: "branch" is a setting of the git-branch provider, not command',
    );
  });

  it('accepts timeoutSeconds as the same setting, but not both', () => {
    expect(parse('deploy:\n  provider: command\n  command: x\n  timeoutSeconds: 60\n').deploy).toMatchObject({ timeoutSeconds: 60 });
    expect(firstLine('deploy:\n  provider: command\n  command: x\n  timeout: 60\n  timeoutSeconds: 60\n')).toBe(
      '.shipgate.yaml:5:19 deploy.timeoutSeconds: give either timeout or timeoutSeconds, not both',
    );
  });

  it('refuses a negative timeout', () => {
    expect(firstLine('deploy:\n  provider: command\n  command: x\n  timeout: -5\n')).toBe(
      '.shipgate.yaml:4:12 deploy.timeout: expected a positive duration (a number of seconds or a string like "90s", "15m", "500ms"), found -5',
    );
  });
});

describe('deploy: github-actions', () => {
  it('fills the GitHub defaults', () => {
    expect(parse('deploy:\n  provider: github-actions\n  repository: acme/acme-web\n  workflow: deploy.yml\n').deploy).toEqual({
      provider: 'github-actions',
      repository: 'acme/acme-web',
      workflow: 'deploy.yml',
      inputs: {},
      rollbackInputs: {},
      tokenEnv: 'GITHUB_TOKEN',
      apiUrl: 'https://api.github.com',
      timeoutSeconds: 1800,
      pollSeconds: 5,
    });
  });

  it('reads every setting', () => {
    expect(
      parse(`deploy:
  provider: github-actions
  repository: acme/acme-web
  workflow: 161335
  ref: main
  inputs: { environment: production, dry_run: false, replicas: 3 }
  rollbackInputs: { rollback: true }
  tokenEnv: GHE_TOKEN
  apiUrl: https://github.acme.example/api/v3/
  timeout: 45m
  pollInterval: 10s
  correlationInput: shipgate_id
`).deploy,
    ).toEqual({
      provider: 'github-actions',
      repository: 'acme/acme-web',
      workflow: '161335',
      ref: 'main',
      inputs: { environment: 'production', dry_run: 'false', replicas: '3' },
      rollbackInputs: { rollback: 'true' },
      tokenEnv: 'GHE_TOKEN',
      apiUrl: 'https://github.acme.example/api/v3',
      timeoutSeconds: 2700,
      pollSeconds: 10,
      correlationInput: 'shipgate_id',
    });
  });

  it('requires an owner/name repository and a workflow', () => {
    expect(firstLine('deploy:\n  provider: github-actions\n  workflow: deploy.yml\n')).toMatch(/^\.shipgate\.yaml:1:1 deploy\.repository: required for provider github-actions/);
    expect(firstLine('deploy:\n  provider: github-actions\n  repository: acme-web\n  workflow: deploy.yml\n')).toBe(
      '.shipgate.yaml:3:15 deploy.repository: expected a repository as owner/name, e.g. "acme/acme-web", found "acme-web"',
    );
    expect(firstLine('deploy:\n  provider: github-actions\n  repository: acme/web\n')).toMatch(/deploy\.workflow: required/);
  });

  it('refuses a token pasted where the variable name goes', () => {
    expect(firstLine('deploy:\n  provider: github-actions\n  repository: a/b\n  workflow: d.yml\n  tokenEnv: ghp_abcdef123456\n')).toBe(
      '.shipgate.yaml:5:13 deploy.tokenEnv: this looks like a token: tokenEnv takes the name of an environment variable',
    );
  });
});

describe('deploy extras', () => {
  it('reads waitForVersion with its defaults', () => {
    expect(parse('deploy:\n  waitForVersion:\n    url: https://acme.example/api/version\n    jsonPath: build.version\n').deploy.waitForVersion).toEqual({
      url: 'https://acme.example/api/version',
      jsonPath: 'build.version',
      timeoutSeconds: 120,
      intervalSeconds: 2,
    });
    expect(firstLine('deploy:\n  waitForVersion:\n    jsonPath: version\n')).toMatch(/^\.shipgate\.yaml:2:3 deploy\.waitForVersion\.url: required/);
  });

  it('borrows the github-actions repository and token for a GitHub Release', () => {
    const deploy = parse('deploy:\n  provider: github-actions\n  repository: acme/web\n  workflow: d.yml\n  tokenEnv: GH\n  githubRelease: true\n').deploy;
    expect(deploy.githubRelease).toEqual({ repository: 'acme/web', tokenEnv: 'GH', apiUrl: 'https://api.github.com', draft: false, prerelease: false });
  });

  it('needs the repository for a GitHub Release with other providers', () => {
    expect(firstLine('deploy:\n  githubRelease: true\n')).toMatch(/^\.shipgate\.yaml:2:18 deploy\.githubRelease\.repository: required for a GitHub Release/);
    expect(parse('deploy:\n  githubRelease: { repository: acme/web, draft: true }\n').deploy.githubRelease).toMatchObject({ repository: 'acme/web', draft: true });
    expect(parse('deploy:\n  githubRelease: false\n').deploy.githubRelease).toBeUndefined();
  });
});
