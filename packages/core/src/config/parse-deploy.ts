// `deploy:` — the provider and its settings, plus the provider-independent extras
// (waiting for the new version, a GitHub Release).
import type { DeployConfig, GitConfig, GithubReleaseConfig, WaitForVersionConfig } from './config-types.js';
import { DEFAULTS } from './config-defaults.js';
import { CONFIG_KEYS, DEPLOY_PROVIDERS, keysFor, ownersOf } from './config-keys.js';
import { PROVIDER_SETTINGS, readApiUrl, readRepository, readTokenEnv } from './deploy-settings.js';
import { booleanOr, durationOr, enumOr, optionalString, optionalUrl } from './read-values.js';
import { YamlField } from './yaml-field.js';
import { YamlMap } from './yaml-map.js';

const PROVIDER_HINT = 'to deploy with a platform CLI (vercel, netlify, fly), use provider: command with its command line';

export function parseDeploy(f: YamlField, git: GitConfig): DeployConfig {
  const m = YamlMap.open(f);
  const provider = enumOr(m.get('provider'), DEPLOY_PROVIDERS, DEFAULTS.deploy.provider, 'provider', PROVIDER_HINT);
  m.allowOnly(keysFor(CONFIG_KEYS.deploy, provider), (key) => {
    const owners = ownersOf(CONFIG_KEYS.deploy, key, provider);
    if (owners.length === 0) return undefined;
    return {
      message: `"${key}" is a setting of the ${owners.join(' and ')} provider${owners.length > 1 ? 's' : ''}, not ${provider}`,
      hint: `set deploy.provider: ${owners[0]}, or remove deploy.${key}`,
    };
  });
  const settings = PROVIDER_SETTINGS[provider](m, git);
  const waitForVersion = parseWaitForVersion(m.get('waitForVersion'));
  const githubRelease = parseGithubRelease(m.get('githubRelease'), settings);
  return {
    ...settings,
    ...(waitForVersion ? { waitForVersion } : {}),
    ...(githubRelease ? { githubRelease } : {}),
  };
}

function parseWaitForVersion(f: YamlField): WaitForVersionConfig | undefined {
  if (f.isAbsent) return undefined;
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.waitForVersion);
  const url = optionalUrl(m.get('url')) ?? m.get('url').fail('required: the URL that reports the deployed version, e.g. "https://acme.example/api/version"');
  const jsonPath = optionalString(m.get('jsonPath'));
  return {
    url,
    ...(jsonPath === undefined ? {} : { jsonPath }),
    timeoutSeconds: durationOr(m, 'timeout', DEFAULTS.waitForVersion.timeoutSeconds),
    intervalSeconds: durationOr(m, 'interval', DEFAULTS.waitForVersion.intervalSeconds),
  };
}

/** `githubRelease: true` or a map; the github-actions provider lends its repository and token. */
function parseGithubRelease(f: YamlField, deploy: DeployConfig): GithubReleaseConfig | undefined {
  if (f.isAbsent || f.scalar === false) return undefined;
  if (f.scalar !== undefined && f.scalar !== true) f.expected('true or a map of settings');
  // `githubRelease: true` reads as an empty map: every setting takes its default.
  const m = YamlMap.open(f.scalar === true ? new YamlField(f.src, f.path, null, f.node) : f).allowOnly(CONFIG_KEYS.githubRelease);
  const actions = deploy.provider === 'github-actions' ? deploy : undefined;
  return {
    repository: readRepository(m.get('repository'), 'for a GitHub Release: the repository as owner/name, e.g. "acme/acme-web"', actions?.repository),
    tokenEnv: readTokenEnv(m.get('tokenEnv'), actions?.tokenEnv ?? DEFAULTS.deploy.tokenEnv),
    apiUrl: readApiUrl(m.get('apiUrl'), actions?.apiUrl ?? DEFAULTS.deploy.apiUrl),
    draft: booleanOr(m.get('draft'), DEFAULTS.githubRelease.draft),
    prerelease: booleanOr(m.get('prerelease'), DEFAULTS.githubRelease.prerelease),
  };
}
