import semver from 'semver';
import { waitForVersion } from '../../deploy/wait-for-version.js';
import { deployProviderFor } from '../../deploy/deploy-providers.js';
import type { DeployInput, ReleaseTarget } from '../../deploy/deploy-provider.js';
import { releaseTagAt } from '../../plan/production-state.js';
import { releasedTags } from '../released-tags.js';
import { rolledBackTags } from '../rolled-back-tags.js';
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

/** The release tag at a commit on the remote (null when none, or the remote cannot say). */
async function releaseAt(run: ReleaseRun, commit: string): Promise<{ tag: string; version: string } | null> {
  const refs = await run.repo.remoteRefs().catch(() => null);
  const found = refs ? releaseTagAt(refs, commit, run.config.version.tagPrefix) : null;
  return found && found.tag !== run.tag ? found : null;
}

/**
 * A provider that cannot say what production runs (command, github-actions): production runs
 * the newest release below this one that was not rolled back (a rolled-back release was
 * replaced by its predecessor), which is where a rollback must return.
 */
async function lastGoodRelease(run: ReleaseRun): Promise<ReleaseTarget | null> {
  const refs = await run.repo.remoteRefs().catch(() => null);
  if (!refs) return null;
  const rolledBack = await rolledBackTags(run.repo, run.config.version.tagPrefix);
  return releasedTags(refs, run.config.version.tagPrefix).find((t) => semver.lt(t.version, run.version) && !rolledBack.has(t.tag)) ?? null;
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
  const running = await deployProviderFor(run.config.deploy.provider)
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
  const running = await deployProviderFor(run.config.deploy.provider).currentCommit(deployInput(run, 'deploy')).catch(() => undefined);
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
  const provider = deployProviderFor(run.config.deploy.provider);
  const done = await deployedBefore(run);
  await run.step('deploy', `Deploy ${run.tag} (${provider.name})`, async () => {
    if (done) {
      // resumed after the deploy finished: deploying again would move deployed_at (and re-run a command deploy)
      if (beforeDeploy) await beforeDeploy();
      return { status: 'skipped', detail: done };
    }
    const base = deployInput(run, 'deploy');
    if (!run.journal.previousDeployRecorded) {
      run.journal.previousDeployCommit = await provider.currentCommit(base);
      const recorded = run.journal.previousDeployCommit;
      const running = recorded ? await releaseAt(run, recorded) : await lastGoodRelease(run);
      if (running && running.tag !== run.journal.previousTag) {
        run.journal.previousDeployTag = running.tag;
        run.journal.previousDeployVersion = running.version;
        run.journal.previousDeployCommit = recorded ?? (await run.repo.resolve(running.tag));
      }
      run.journal.previousDeployRecorded = true;
      await run.saveJournal();
    }
    run.fact('previousDeployCommit', run.journal.previousDeployCommit);
    if (beforeDeploy) await beforeDeploy();
    const result = await provider.deploy({ ...base, release: releaseTarget(run), previous: await previousTarget(run), ...startedDeployment(run) });
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
