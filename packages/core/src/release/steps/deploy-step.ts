import { waitForVersion } from '../../deploy/wait-for-version.js';
import type { DeployInput, ReleaseTarget } from '../../deploy/deploy-provider.js';
import { productionNow } from '../../production/production-now.js';
import type { ReleaseRun } from '../release-run.js';

export function deployInput(run: ReleaseRun, step: 'deploy' | 'rollback'): Omit<DeployInput, 'release' | 'previous'> {
  return {
    repoDir: run.repo.dir,
    remote: run.config.git.remote,
    config: run.config.deploy,
    ctx: run.ctx,
    log: (line, stream) => run.log(step, line, stream),
    ...(run.ctx.signal ? { signal: run.ctx.signal } : {}),
  };
}

export function releaseTarget(run: ReleaseRun): ReleaseTarget {
  return { version: run.version, tag: run.tag, commit: run.journal.commit! };
}

/**
 * The release production ran before: the exact commit recorded before the deploy, named by the
 * release tag at that commit (after an earlier rollback that is not the newest tag); without a
 * recorded commit, the previous tag.
 */
export async function previousTarget(run: ReleaseRun): Promise<ReleaseTarget | null> {
  const { journal, repo } = run;
  if (journal.previousDeployCommit && journal.previousDeployTag && journal.previousDeployVersion) {
    return { version: journal.previousDeployVersion, tag: journal.previousDeployTag, commit: journal.previousDeployCommit };
  }
  if (!journal.previousTag || !journal.previousVersion) return null;
  const commit = journal.previousDeployCommit ?? (await repo.resolve(journal.previousTag));
  return commit ? { version: journal.previousVersion, tag: journal.previousTag, commit } : null;
}

/**
 * After an interruption or a cancel: may production run this release? The deploy target
 * decides when it can say (git-branch): it runs the release commit → yes; it still runs what
 * was recorded before the deploy → no. A target that cannot say (command, github-actions)
 * counts a deploy that started as possibly done.
 */
export async function deployMayHaveHappened(run: ReleaseRun): Promise<boolean> {
  const started = run.journal.steps.deploy !== undefined && run.journal.steps.deploy !== 'pending';
  if (!run.journal.commit) return false;
  const running = await run.provider
    .currentCommit(deployInput(run, 'deploy'))
    .catch(() => null);
  if (running === run.journal.commit) {
    if (!started) run.log('deploy', `${run.config.deploy.provider === 'git-branch' ? `${run.config.git.remote}/${run.config.deploy.branch}` : 'production'} already runs ${run.tag} (${running.slice(0, 7)}): the interrupted deploy had reached it`, 'warn');
    return true;
  }
  if (running && run.journal.previousDeployRecorded && running === run.journal.previousDeployCommit) return false;
  return started;
}

/**
 * A resumed release whose deploy finished before (the journal says so, with its time) and
 * whose deploy target still runs it, or cannot say: why the deploy is done; null to deploy.
 */
async function deployedBefore(run: ReleaseRun): Promise<string | null> {
  const { journal } = run;
  if ((journal.steps.deploy !== 'succeeded' && journal.steps.deploy !== 'skipped') || !journal.deployedAt || !journal.commit) return null;
  const running = await run.provider.currentCommit(deployInput(run, 'deploy')).catch(() => undefined);
  if (running === undefined || (running !== null && running !== journal.commit)) return null;
  return `${run.tag} was deployed at ${journal.deployedAt}${running ? ` and production still runs it (${running.slice(0, 7)})` : ''}; not deployed again`;
}

/** What an earlier attempt started (followed, not repeated), and where the provider records what it starts. */
function startedDeployment(run: ReleaseRun): Pick<DeployInput, 'started' | 'onStarted'> {
  return {
    ...(run.journal.deployStarted ? { started: run.journal.deployStarted } : {}),
    onStarted: async (started) => {
      run.journal.deployStarted = started;
      await run.saveJournal();
    },
  };
}

/** Records what production runs now (once), deploys, then the optional extras. */
export async function deployStep(run: ReleaseRun, beforeDeploy?: () => Promise<void>): Promise<void> {
  const provider = run.provider;
  const done = await deployedBefore(run);
  await run.step('deploy', `Deploy ${run.tag} (${provider.name})`, async () => {
    if (done) {
      // resumed after the deploy finished: deploying again would move deployed_at (and re-run a command deploy)
      if (beforeDeploy) await beforeDeploy();
      return { status: 'skipped', detail: done };
    }
    const base = deployInput(run, 'deploy');
    // the remote's refs, read once for this step: what production runs, and the deploy's lease
    let refs: Map<string, string> | null = null;
    if (!run.journal.previousDeployRecorded) {
      // what production runs before this deploy: where a rollback returns, and the release's previousVersion
      refs = await run.repo.remoteRefs().catch(() => null);
      const running = await productionNow({ ctx: run.ctx, repo: run.repo, config: run.config, provider: run.provider, refs });
      // production already on this release (a deploy interrupted after it moved): what ran before is unknown here
      run.journal.previousDeployCommit = running && running.tag !== run.tag ? running.commit : null;
      if (running?.tag && running.version && running.tag !== run.tag) {
        run.journal.previousDeployTag = running.tag;
        run.journal.previousDeployVersion = running.version;
        run.journal.previousDeployCommit = running.commit ?? (await run.repo.resolve(running.tag));
      }
      if (running) run.log('deploy', `production before this deploy: ${running.explanation}`);
      run.journal.previousDeployRecorded = true;
      await run.saveJournal();
    }
    run.fact('previousDeployCommit', run.journal.previousDeployCommit);
    run.fact('previousVersion', run.journal.previousDeployVersion ?? run.journal.previousVersion);
    if (beforeDeploy) await beforeDeploy();
    const result = await provider.deploy({ ...base, release: releaseTarget(run), previous: await previousTarget(run), ...startedDeployment(run), ...(refs ? { remoteRefs: refs } : {}) });
    run.journal.deployedAt = run.ctx.clock.now().toISOString();
    if (result.deploymentId) run.journal.deploymentId = result.deploymentId;
    if (result.deploymentUrl) run.journal.deploymentUrl = result.deploymentUrl;
    await run.saveJournal();
    run.fact('deploymentId', result.deploymentId);
    run.fact('deploymentUrl', result.deploymentUrl);
    const { waitForVersion: wait } = run.config.deploy;
    if (wait) await waitForVersion(wait, { ctx: run.ctx, version: run.version, log: base.log, ...(base.signal ? { signal: base.signal } : {}) });
    return { detail: result.detail };
  });
}
