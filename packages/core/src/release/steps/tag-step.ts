import { ShipgateError } from '../../errors.js';
import { gitCommands } from '../../git/git-commands.js';
import { remoteTagCommit } from '../../git/repository.js';
import type { ReleaseRun } from '../release-run.js';

/** The annotated tag: `Release vX.Y.Z`, a blank line, the CHANGELOG section verbatim. Idempotent. */
export async function tagStep(run: ReleaseRun): Promise<void> {
  await run.step('tag', `Create annotated tag ${run.tag}`, async () => {
    const { repo, journal } = run;
    const commit = journal.commit!;
    const existing = await repo.localTagCommit(run.tag);
    if (existing === commit) return { status: 'skipped', detail: `${run.tag} already points at ${commit.slice(0, 7)}` };
    if (existing) {
      const published = remoteTagCommit(await repo.remoteRefs(), run.tag);
      if (published) {
        throw new ShipgateError('GIT_FAILED', `tag ${run.tag} is already on ${repo.remote} at ${published.slice(0, 7)}, not on the release commit ${commit.slice(0, 7)}`, {
          hint: 'a published tag is never moved: release the next version instead (shipgate promote --bump patch)',
        });
      }
      run.log('tag', `replacing the unpublished local tag ${run.tag} (it pointed at ${existing.slice(0, 7)})`, 'warn');
      await repo.git.run(gitCommands.deleteLocalTag(run.tag));
    }
    const message = `Release ${run.tag}\n\n${journal.changelogBody.trimEnd()}\n`;
    await repo.git.run(gitCommands.tag(run.tag, commit), { input: message });
    run.fact('tag', run.tag);
    return { detail: `${run.tag} → ${commit.slice(0, 7)} (annotated, CHANGELOG excerpt in the message)` };
  });
}
