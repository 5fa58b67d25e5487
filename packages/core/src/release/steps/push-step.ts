import { ShipgateError } from '../../errors.js';
import { gitCommands } from '../../git/git-commands.js';
import { remoteTagCommit } from '../../git/repository.js';
import type { ReleaseRun } from '../release-run.js';

/** Main and the tag in one atomic push. Idempotent: nothing to do when both are there. */
export async function pushStep(run: ReleaseRun): Promise<void> {
  await run.step('push', `Push ${run.config.git.mainBranch} and ${run.tag}`, async () => {
    const { repo, journal, config } = run;
    const main = config.git.mainBranch;
    const refs = await repo.remoteRefs();
    const remoteMain = refs.get(`refs/heads/${main}`);
    const tagThere = remoteTagCommit(refs, run.tag) === journal.commit;
    if (tagThere && remoteMain && (remoteMain === journal.commit || (await repo.isAncestor(journal.commit!, remoteMain).catch(() => false)))) {
      return { status: 'skipped', detail: `${main} and ${run.tag} are already on ${repo.remote}` };
    }
    const result = await repo.git.try(gitCommands.pushAtomic(repo.remote, main, run.tag));
    if (result.code !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'Done');
      const rejected = output.filter((l) => /reject|denied|declined|hook|protected|!/i.test(l));
      throw new ShipgateError('PUSH_REJECTED', `${repo.remote} rejected the push of ${main} and ${run.tag}; nothing was pushed (atomic): ${(rejected.length ? rejected : output).slice(0, 6).join(' | ')}`, {
        hint: `fix the cause (branch protection, permissions, or pull first), then run shipgate promote again to finish ${run.tag}; or undo locally: git tag -d ${run.tag} && git reset --hard HEAD~1`,
      });
    }
    for (const line of result.stdout.split('\n').filter((l) => l.includes('refs/'))) run.log('push', line.trim());
    return { detail: `${main} and ${run.tag} pushed to ${repo.remote} in one atomic push` };
  });
}
