// The GitHub Release (deploy.githubRelease) follows verification, never precedes it: created
// after the health checks pass — as a draft while monitoring still has to pass, published
// when it does — and marked "(rolled back)", not Latest, when the release is rolled back.
// None of this ever fails a release: a missing release page never undoes a healthy deploy.
import { createGithubRelease, describeMarkedRelease, markGithubReleaseRolledBack, publishGithubRelease } from '../../deploy/github-release.js';
import type { ReleaseRun } from '../release-run.js';
import type { StepName } from '../../model/statuses.js';

/** After the health checks: the release, a draft when `draft` (monitoring still to come). */
export async function createGithubReleaseAfterChecks(run: ReleaseRun, draft: boolean): Promise<void> {
  const config = run.config.deploy.githubRelease;
  if (!config || run.journal.githubReleaseId !== undefined) return;
  await quietly(run, 'health-checks', 'GitHub Release not created', async () => {
    const release = await createGithubRelease({ ctx: run.ctx, config, tag: run.tag, body: run.journal.changelogBody, draft, log: (line, stream) => run.log('health-checks', line, stream) });
    record(run, release);
    await run.saveJournal();
  });
}

/** After monitoring passed: publish the draft (unless the config asks for drafts). */
export async function publishGithubReleaseAfterMonitoring(run: ReleaseRun): Promise<void> {
  const config = run.config.deploy.githubRelease;
  const id = run.journal.githubReleaseId;
  if (!config || id === undefined || !run.journal.githubReleaseDraft || config.draft) return;
  await quietly(run, 'monitor', 'GitHub Release not published', async () => {
    const release = await publishGithubRelease(run.ctx, config, id);
    record(run, release);
    await run.saveJournal();
    run.log('monitor', `GitHub Release ${run.tag} published: ${release.url}`);
  });
}

/**
 * After a rollback that moved production: the release of the failed tag must not look like the
 * current release. One the rollback did not move production away from is left as it is.
 */
export async function markGithubReleaseAfterRollback(run: ReleaseRun, restoredTag: string | null, reason: string): Promise<void> {
  const config = run.config.deploy.githubRelease;
  const id = run.journal.githubReleaseId;
  if (!config || id === undefined) return;
  if (!restoredTag) {
    run.log('rollback', `GitHub Release ${run.tag} left as it is: production was not moved away from ${run.tag}`);
    return;
  }
  await quietly(run, 'rollback', 'GitHub Release not marked as rolled back', async () => {
    const at = run.ctx.clock.now().toISOString();
    const note = `${run.tag} was rolled back at ${at}; production runs ${restoredTag} again. Reason: ${reason}`;
    const marked = await markGithubReleaseRolledBack({ ctx: run.ctx, config, id, tag: run.tag, restoredTag, note });
    if (marked) run.log('rollback', describeMarkedRelease(run.tag, marked, restoredTag));
  });
}

function record(run: ReleaseRun, release: { id: number; url: string; draft: boolean }): void {
  run.journal.githubReleaseId = release.id;
  run.journal.githubReleaseUrl = release.url;
  run.journal.githubReleaseDraft = release.draft;
  run.fact('githubReleaseUrl', release.url);
}

async function quietly(run: ReleaseRun, step: StepName, what: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    run.log(step, `${what}: ${error instanceof Error ? error.message : String(error)}`, 'warn');
  }
}
