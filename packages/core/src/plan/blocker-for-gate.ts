// Every blocker names the action that clears it (CONTRACT §1 plan --json `blockedBy`): the
// words, the command, and — where the dashboard can do it — the promote options of its button.
import type { ShipgateConfig } from '../config/config-types.js';
import type { Blocker, GateResult } from '../model/plan-types.js';
import { STAGING_COMMIT_FIELD } from '../specflow/index.js';

/** The blocker a failed gate makes, with the action that clears it. */
export function blockerForGate(gate: GateResult, config: ShipgateConfig): Blocker {
  const message = `${gate.title}: ${gate.detail}`;
  const where = gate.evidence?.file ? `${gate.evidence.file}${gate.evidence.field ? ` (${gate.evidence.field})` : ''}` : 'state.yaml';
  const source = gate.id;
  switch (gate.id) {
    case 'clean-worktree':
      return { message, source, action: { id: 'commit-or-stash', label: 'Commit or stash the uncommitted changes', cli: 'git stash -u' } };
    case 'main-branch':
      return { message, source, action: { id: 'switch-branch', label: `Switch to ${config.git.mainBranch}`, cli: `git switch ${config.git.mainBranch}` } };
    case 'up-to-date':
      return /behind/.test(gate.detail)
        ? { message, source, action: { id: 'pull', label: `Bring the checkout up to date with ${config.git.remote}/${config.git.mainBranch}`, cli: 'git pull --rebase' } }
        : { message, source, action: { id: 'check-remote', label: `Check that ${config.git.remote} is reachable (URL, network, credentials), then plan again`, cli: 'shipgate plan' } };
    case 'staging-validation':
      return gate.evidence?.field === STAGING_COMMIT_FIELD
        ? {
            message,
            source,
            action: {
              id: 'allow-unvalidated',
              label: 'Validate these commits on staging first, or promote anyway with a reason (recorded in the ship report)',
              cli: 'shipgate promote --allow-unvalidated "<reason>"',
              promote: { allowUnvalidated: true },
            },
          }
        : { message, source, action: { id: 'validate-staging', label: `Validate the release on staging and record the approval in ${where}` } };
    case 'rollback':
      return { message, source, action: { id: 'run-rollback-drill', label: `Run the rollback drill on staging and record it in ${where}` } };
    case 'deploy-provider':
    case 'deploy-workflow':
      return { message, source, action: { id: 'fix-deploy-setup', label: 'Fix the deploy setup this check names (deploy.* in .shipgate.yaml, the token or the workflow), then plan again', cli: 'shipgate plan' } };
    default:
      return { message, source, action: { id: 'fix-gate', label: 'Fix what the gate says, then plan again', cli: 'shipgate plan' } };
  }
}
