// git-branch: production follows a branch on the remote; deploying moves it to the tag's
// commit, rolling back moves it to the exact commit it pointed at before.
import { gitCommands } from '../git/git-commands.js';
import { createGitRunner } from '../git/git-runner.js';
import { ShipgateError } from '../errors.js';
import type { DeployInput, DeployProvider, ReleaseTarget } from './deploy-provider.js';
import { gitBranchPreflight } from './git-branch-preflight.js';

function branchOf(input: Pick<DeployInput, 'config'>): string {
  return input.config.provider === 'git-branch' ? input.config.branch : 'production';
}

async function remoteBranchSha(input: Omit<DeployInput, 'release' | 'previous'>): Promise<string | null> {
  const git = createGitRunner(input.ctx, input.repoDir);
  const r = await git.try(['ls-remote', input.remote, `refs/heads/${branchOf(input)}`]);
  if (r.code !== 0) throw new ShipgateError('DEPLOY_FAILED', `cannot read ${input.remote}/${branchOf(input)}: ${r.stderr.trim()}`);
  return r.stdout.split('\t')[0]?.trim() || null;
}

async function moveTo(input: DeployInput, target: ReleaseTarget, code: 'DEPLOY_FAILED' | 'ROLLBACK_FAILED') {
  const branch = branchOf(input);
  // refs the step just read are as good a lease as a new read: the push is refused if the branch moved since
  const current = input.remoteRefs ? (input.remoteRefs.get(`refs/heads/${branch}`) ?? null) : await remoteBranchSha(input);
  if (current === target.commit) return { detail: `${branch} already at ${target.tag} (${target.commit.slice(0, 7)})` };
  const git = createGitRunner(input.ctx, input.repoDir);
  const args = gitCommands.moveRemoteBranch(input.remote, branch, target.commit, current);
  const r = await git.try(args, input.signal ? { signal: input.signal } : {});
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() && l.trim() !== 'Done')) input.log(line.trim(), r.code === 0 ? 'info' : 'stderr');
  if (r.code !== 0) {
    const reason = `${r.stderr}\n${r.stdout}`.split('\n').filter((l) => /reject|denied|declined|hook|stale|!/i.test(l)).map((l) => l.trim()).slice(0, 4).join(' | ');
    throw new ShipgateError(code, `${input.remote} rejected moving ${branch} to ${target.tag}: ${reason || r.stderr.trim()}`, {
      hint: code === 'DEPLOY_FAILED'
        ? `main and ${input.release.tag} are pushed; fix the cause and run shipgate promote again to finish the deploy`
        : `move it by hand: git push --force ${input.remote} ${target.commit}:refs/heads/${branch}`,
    });
  }
  return { detail: `${branch} → ${target.tag} (${target.commit.slice(0, 7)})${current ? `, was ${current.slice(0, 7)}` : ''}` };
}

export const gitBranchProvider: DeployProvider = {
  name: 'git-branch',
  currentCommit: (input) => remoteBranchSha(input),
  commitInRefs: (refs, config) => refs.get(`refs/heads/${branchOf({ config })}`) ?? null,
  deploy: (input) => moveTo(input, input.release, 'DEPLOY_FAILED'),
  rollback: (input) => moveTo(input, input.to, 'ROLLBACK_FAILED'),
  preflight: gitBranchPreflight,
};
