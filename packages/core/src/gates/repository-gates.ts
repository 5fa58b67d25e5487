// The repository conditions of CONTRACT §3.1 as gates: clean work tree, on the main
// branch, not behind the remote. Each returns its evidence; none throws.
import type { GitConfig } from '../config/config-types.js';
import type { Repository } from '../git/repository.js';
import type { GateResult } from '../model/plan-types.js';

export interface RepositoryGateInput {
  repo: Repository;
  git: GitConfig;
  /** Files the release itself may have changed already (resume): not "dirty". */
  fetchError: string | null;
}

/** `releaseFiles`: files an interrupted release being resumed writes itself; their changes are not "dirty". */
export async function cleanWorktreeGate(repo: Repository, releaseFiles: readonly string[] = []): Promise<GateResult> {
  const all = await repo.changedFiles();
  const changed = all.filter((file) => !releaseFiles.includes(file));
  if (changed.length === 0 && all.length > 0) {
    return { id: 'clean-worktree', title: 'Clean work tree', status: 'pass', detail: `only files the interrupted release writes changed (${all.join(', ')}): resuming finishes them` };
  }
  if (changed.length === 0) return { id: 'clean-worktree', title: 'Clean work tree', status: 'pass', detail: 'no uncommitted changes' };
  const shown = changed.slice(0, 5).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
  return {
    id: 'clean-worktree',
    title: 'Clean work tree',
    status: 'fail',
    detail: `uncommitted changes in ${shown}: commit or stash them first (git stash -u)`,
    evidence: { value: changed.length },
  };
}

export async function mainBranchGate(repo: Repository, mainBranch: string): Promise<GateResult> {
  const branch = await repo.currentBranch();
  if (branch === mainBranch) return { id: 'main-branch', title: `On ${mainBranch}`, status: 'pass', detail: `on ${mainBranch}` };
  const head = (await repo.head())?.slice(0, 7) ?? 'nothing';
  const where = branch ? `on branch ${branch}` : `HEAD is detached at ${head}`;
  return {
    id: 'main-branch',
    title: `On ${mainBranch}`,
    status: 'fail',
    detail: `${where}, not ${mainBranch}: run git switch ${mainBranch}`,
    evidence: { value: branch ?? `detached:${head}` },
  };
}

export async function upToDateGate({ repo, git, fetchError }: RepositoryGateInput): Promise<GateResult> {
  const base = { id: 'up-to-date', title: `Up to date with ${git.remote}/${git.mainBranch}` };
  if (fetchError) {
    return { ...base, status: 'fail', detail: `cannot reach ${git.remote} to compare: ${firstLine(fetchError)} (check the remote URL and your network, then retry)` };
  }
  const remoteRef = `refs/remotes/${git.remote}/${git.mainBranch}`;
  const remoteSha = await repo.resolve(remoteRef);
  if (!remoteSha) return { ...base, status: 'pass', detail: `${git.remote}/${git.mainBranch} does not exist yet: the release creates it` };
  const { onlyA: ahead, onlyB: behind } = await repo.countBothWays('HEAD', remoteSha);
  if (behind > 0) {
    return { ...base, status: 'fail', detail: `${behind} commit(s) behind ${git.remote}/${git.mainBranch}: run git pull --rebase`, evidence: { value: behind } };
  }
  return { ...base, status: 'pass', detail: ahead ? `${ahead} local commit(s) not pushed yet: the release pushes them` : `level with ${git.remote}/${git.mainBranch}` };
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? text;
}
