import { ShipgateError } from '../../errors.js';
import { gitCommands } from '../../git/git-commands.js';
import { gitFailed } from '../../git/git-runner.js';
import { remoteTagCommit } from '../../git/repository.js';
import type { ReleaseRun, StepOutcome } from '../release-run.js';

/** The annotated tag: `Release vX.Y.Z`, a blank line, the CHANGELOG section verbatim. Idempotent. */
export async function tagStep(run: ReleaseRun): Promise<void> {
  await run.step('tag', `Create annotated tag ${run.tag}`, async () => {
    const { repo, journal } = run;
    const commit = journal.commit!;
    const message = `Release ${run.tag}\n\n${journal.changelogBody.trimEnd()}\n`;
    // made straight away; the tag is looked up only when git refuses (it exists: a resumed run, a stray local tag)
    const args = gitCommands.tag(run.tag, commit);
    const made = await repo.git.try(args, { input: message });
    if (made.code === 0) return tagged(run, commit);
    const existing = await repo.localTagCommit(run.tag);
    if (!existing) throw gitFailed(args, made);
    if (existing === commit) return { status: 'skipped', detail: `${run.tag} already points at ${commit.slice(0, 7)}` };
    // another commit: a published tag is never moved, an unpublished one is replaced
    const published = remoteTagCommit(await repo.remoteRefs(), run.tag);
    if (published) {
      throw new ShipgateError('GIT_FAILED', `tag ${run.tag} is already on ${repo.remote} at ${published.slice(0, 7)}, not on the release commit ${commit.slice(0, 7)}`, {
        hint: 'a published tag is never moved: release the next version instead (shipgate promote --bump patch)',
      });
    }
    run.log('tag', `replacing the unpublished local tag ${run.tag} (it pointed at ${existing.slice(0, 7)})`, 'warn');
    await repo.git.run(gitCommands.deleteLocalTag(run.tag));
    await repo.git.run(args, { input: message });
    return tagged(run, commit);
  });
}

function tagged(run: ReleaseRun, commit: string): StepOutcome {
  run.fact('tag', run.tag);
  return { detail: `${run.tag} → ${commit.slice(0, 7)} (annotated, CHANGELOG excerpt in the message)` };
}
