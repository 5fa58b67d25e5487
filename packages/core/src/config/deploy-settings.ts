// The provider-specific part of `deploy:`, one reader per provider, picked from a typed registry.
import type { CommandDeployConfig, GitBranchDeployConfig, GitConfig, GithubActionsDeployConfig } from './config-types.js';
import { DEFAULTS } from './config-defaults.js';
import type { DeployProviderName } from './config-keys.js';
import { durationOr, optionalString, requiredString, stringOr, stringRecordOr, urlOr } from './read-values.js';
import type { YamlField } from './yaml-field.js';
import type { YamlMap } from './yaml-map.js';

type ProviderSettings = GitBranchDeployConfig | CommandDeployConfig | GithubActionsDeployConfig;
type ProviderReader = (m: YamlMap, git: GitConfig) => ProviderSettings;

export const PROVIDER_SETTINGS = {
  'git-branch': readGitBranch,
  command: readCommand,
  'github-actions': readGithubActions,
} satisfies Record<DeployProviderName, ProviderReader>;

function readGitBranch(m: YamlMap, git: GitConfig): GitBranchDeployConfig {
  const f = m.get('branch');
  const branch = stringOr(f, DEFAULTS.deploy.branch);
  if (branch === git.mainBranch) {
    f.fail(`the deploy branch cannot be the main branch "${git.mainBranch}"`, 'name the branch production follows, e.g. "production"');
  }
  return { provider: 'git-branch', branch };
}

function readCommand(m: YamlMap): CommandDeployConfig {
  const command = requiredString(m.get('command'), 'for provider command: the shell command that deploys, e.g. "vercel --prod --yes"');
  const rollbackCommand = optionalString(m.get('rollbackCommand'));
  const reportCommand = optionalString(m.get('reportCommand'));
  const cwd = optionalString(m.get('cwd'));
  return {
    provider: 'command',
    command,
    ...(rollbackCommand === undefined ? {} : { rollbackCommand }),
    ...(reportCommand === undefined ? {} : { reportCommand }),
    timeoutSeconds: durationOr(m, 'timeout', DEFAULTS.deploy.commandTimeoutSeconds),
    ...(cwd === undefined ? {} : { cwd }),
  };
}

function readGithubActions(m: YamlMap): GithubActionsDeployConfig {
  const ref = optionalString(m.get('ref'));
  const correlationInput = optionalString(m.get('correlationInput'));
  return {
    provider: 'github-actions',
    repository: readRepository(m.get('repository'), 'for provider github-actions: the repository as owner/name, e.g. "acme/acme-web"'),
    workflow: readWorkflow(m.get('workflow')),
    ...(ref === undefined ? {} : { ref }),
    inputs: stringRecordOr(m.get('inputs'), {}),
    rollbackInputs: stringRecordOr(m.get('rollbackInputs'), {}),
    tokenEnv: readTokenEnv(m.get('tokenEnv'), DEFAULTS.deploy.tokenEnv),
    apiUrl: readApiUrl(m.get('apiUrl'), DEFAULTS.deploy.apiUrl),
    timeoutSeconds: durationOr(m, 'timeout', DEFAULTS.deploy.actionsTimeoutSeconds),
    pollSeconds: durationOr(m, 'pollInterval', DEFAULTS.deploy.pollSeconds),
    ...(correlationInput === undefined ? {} : { correlationInput }),
  };
}

export function readRepository(f: YamlField, why: string, fallback?: string): string {
  const value = optionalString(f) ?? fallback ?? f.fail(`required ${why}`);
  return /^[\w.-]+\/[\w.-]+$/.test(value) ? value : f.expected('a repository as owner/name, e.g. "acme/acme-web"');
}

function readWorkflow(f: YamlField): string {
  if (typeof f.scalar === 'number' && Number.isInteger(f.scalar) && f.scalar > 0) return String(f.scalar);
  return requiredString(f, 'for provider github-actions: the workflow file name (deploy.yml) or its numeric id');
}

/** The *name* of the variable holding the token; a token pasted here is refused loudly. */
export function readTokenEnv(f: YamlField, fallback: string): string {
  const value = stringOr(f, fallback);
  if (/^(gh[pousr]_|github_pat_)/.test(value)) {
    f.fail('this looks like a token: tokenEnv takes the name of an environment variable', 'remove the token from the file (and revoke it), then write e.g. tokenEnv: GITHUB_TOKEN');
  }
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : f.expected('an environment variable name such as GITHUB_TOKEN');
}

export function readApiUrl(f: YamlField, fallback: string): string {
  return urlOr(f, fallback).replace(/\/+$/, '');
}
