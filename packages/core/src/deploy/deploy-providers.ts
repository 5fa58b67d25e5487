// The typed registry of deploy providers (`deploy.provider` in .shipgate.yaml). Its keys
// are exactly the names the config accepts (config-keys.ts DEPLOY_PROVIDERS).
import type { DeployProviderName } from '../config/config-keys.js';
import { commandProvider } from './command-provider.js';
import type { DeployProvider } from './deploy-provider.js';
import { gitBranchProvider } from './git-branch-provider.js';
import { githubActionsProvider } from './github-actions-provider.js';

export const DEPLOY_PROVIDER_REGISTRY = {
  'git-branch': gitBranchProvider,
  command: commandProvider,
  'github-actions': githubActionsProvider,
} satisfies Record<DeployProviderName, DeployProvider>;

export function deployProviderFor(name: DeployProviderName): DeployProvider {
  return DEPLOY_PROVIDER_REGISTRY[name];
}
