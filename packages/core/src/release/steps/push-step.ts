import { ShipgateError } from '../../errors.js';
import { gitCommands } from '../../git/git-commands.js';
import { remoteTagCommit } from '../../git/repository.js';
import type { ReleaseRun } from '../release-run.js';

/**
 * Main and the tag in one atomic push. Idempotent: nothing to do when both are there. The
 * remote is read first only when an earlier run started this step (it may have landed); a
 * first attempt pushes the commit and tag this run just made straight away.
 */
export async function pushStep(run: ReleaseRun): Promise<void> {
  const resumed = run.startedBefore('push');
  await run.step('push', `Push ${run.config.git.mainBranch} and ${run.tag}`, async () => {
    const { repo, journal, config } = run;
    const main = config.git.mainBranch;
    if (resumed) {
      const refs = await repo.remoteRefs();
      const remoteMain = refs.get(`refs/heads/${main}`);
      const tagThere = remoteTagCommit(refs, run.tag) === journal.commit;
      if (tagThere && remoteMain && (remoteMain === journal.commit || (await repo.isAncestor(journal.commit!, remoteMain).catch(() => false)))) {
        return { status: 'skipped', detail: `${main} and ${run.tag} are already on ${repo.remote}` };
      }
    }
    const result = await repo.git.try(gitCommands.pushAtomic(repo.remote, main, run.tag));
    if (result.code !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'Done');
      const rejected = output.filter((l) => /reject|denied|declined|hook|protected|!/i.test(l));
      const undone = await undoLocalRelease(run);
      const theirs = remoteTagCommit(await repo.remoteRefs().catch(() => new Map<string, string>()), run.tag);
      const raced = theirs && theirs !== journal.commit ? `${run.tag} is on ${repo.remote} already (at ${theirs.slice(0, 7)}): another release of this project got there first. ` : '';
      throw new ShipgateError(
        'PUSH_REJECTED',
        `${repo.remote} rejected the push of ${main} and ${run.tag}; nothing was pushed (atomic)${undone ? `, and the local release commit and tag were undone` : ''}: ${(rejected.length ? rejected : output).slice(0, 6).join(' | ')}`,
        {
          hint: raced
            ? `${raced}Your checkout is ${undone ? 'as it was' : `not undone: git tag -d ${run.tag} && git reset --keep ${journal.head.slice(0, 12)}`}; get theirs with git pull --ff-only --tags ${repo.remote} ${main}, then shipgate plan`
            : undone
              ? `fix the cause (branch protection, permissions, or pull first), then run shipgate promote again`
              : `fix the cause (branch protection, permissions, or pull first), then run shipgate promote again to finish ${run.tag}; or undo locally: git tag -d ${run.tag} && git reset --keep ${journal.head.slice(0, 12)}`,
        },
      );
    }
    for (const line of result.stdout.split('\n').filter((l) => l.includes('refs/'))) run.log('push', line.trim());
    return { detail: `${main} and ${run.tag} pushed to ${repo.remote} in one atomic push` };
  });
}

/** Whether the remote holds this release's tag on its commit (the push landed, whatever the journal says). */
export async function releasePushed(run: ReleaseRun): Promise<boolean> {
  const step = run.journal.steps.push;
  if (step === 'succeeded' || step === 'skipped') return true;
  if (!run.journal.commit) return false;
  const refs = await run.repo.remoteRefs().catch(() => null);
  return refs !== null && remoteTagCommit(refs, run.tag) === run.journal.commit;
}

/**
 * After a rejected push: when the remote provably holds neither the release commit nor the
 * tag, removes the local tag and release commit again (nothing written, nothing pushed), so
 * the next promote plans afresh. Returns false (and keeps both, to resume) when unsure.
 */
export async function undoLocalRelease(run: ReleaseRun): Promise<boolean> {
  const { repo, journal } = run;
  const commit = journal.commit;
  if (!commit || (await repo.head()) !== commit) return false;
  const refs = await repo.remoteRefs().catch(() => null);
  // the remote's tag on this commit means it was pushed; on another commit, someone else released this version
  if (!refs || remoteTagCommit(refs, run.tag) === commit) return false;
  const remoteMain = refs.get(`refs/heads/${run.config.git.mainBranch}`);
  if (remoteMain && (remoteMain === commit || (await repo.isAncestor(commit, remoteMain)))) return false;
  if ((await repo.localTagCommit(run.tag)) === commit) await repo.git.run(gitCommands.deleteLocalTag(run.tag));
  const reset = await repo.git.try(gitCommands.resetKeep(journal.head));
  if (reset.code !== 0) {
    run.log('push', `could not undo the local release commit: ${reset.stderr.trim()}`, 'warn');
    return false;
  }
  journal.commit = null;
  journal.steps = {};
  return true;
}
