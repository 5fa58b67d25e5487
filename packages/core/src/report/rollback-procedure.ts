import type { ShipgateConfig } from '../config/config-types.js';
import type { ReleaseJournal } from '../model/journal-types.js';

/** The exact commands that put the previous release back, for the report. */
export function rollbackProcedure(config: ShipgateConfig, journal: ReleaseJournal): string[] {
  const prev = journal.previousDeployTag ?? journal.previousTag;
  if (!prev) return ['This is the first release: there is no previous release to roll back to.'];
  const lines = [
    '1. With Shipgate (records the rollback in state.yaml and the ship report):',
    '',
    '   ```sh',
    `   shipgate rollback --to ${prev} --yes`,
    '   ```',
    '',
  ];
  const deploy = config.deploy;
  if (deploy.provider === 'git-branch') {
    const target = journal.previousDeployCommit ?? `${prev}^{commit}`;
    lines.push('2. By hand (moves the production branch back to the exact commit it served before):', '', '   ```sh');
    lines.push(`   git push --force-with-lease=refs/heads/${deploy.branch}:${journal.commit ?? journal.tag} ${config.git.remote} ${target}:refs/heads/${deploy.branch}`, '   ```');
  } else if (deploy.provider === 'command') {
    lines.push('2. By hand:', '', '   ```sh', `   SHIPGATE_ROLLBACK_TO=${journal.previousDeployVersion ?? journal.previousVersion ?? prev} ${deploy.rollbackCommand ?? '# no deploy.rollbackCommand configured'}`, '   ```');
  } else {
    lines.push(`2. By hand: dispatch ${deploy.workflow} in ${deploy.repository} with ref ${prev}.`);
  }
  lines.push('', `3. Check health again, and keep the tag ${journal.tag}: history is never rewritten (no \`-rollback\` tags).`);
  return lines;
}
