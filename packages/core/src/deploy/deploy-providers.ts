// The typed registry of deploy providers (`deploy.provider` in .shipgate.yaml). Its keys
// are exactly the names the config accepts (config-keys.ts DEPLOY_PROVIDERS).
import type { DeployProviderName } from '../config/config-keys.js';
import { commandProvider } from './command-provider.js';
import type { GateResult } from '../model/plan-types.js';
import type { DeployProvider, PreflightInput } from './deploy-provider.js';
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

/** The configured provider's plan-time gates; a check that throws is a failed gate, never a crashed plan. */
export async function deployProviderGates(input: PreflightInput): Promise<GateResult[]> {
  const provider = deployProviderFor(input.config.provider);
  if (!provider.preflight) return [];
  try {
    return await provider.preflight(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ id: 'deploy-provider', title: `${provider.name} can deploy`, status: 'fail', detail: `the ${provider.name} check failed: ${reason}` }];
  }
}
