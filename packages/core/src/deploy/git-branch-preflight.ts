// Plan-time gate of the git-branch provider: the remote accepts a push from here (a dry-run
// push of HEAD to the main branch: reachable push URL, credentials, no non-fast-forward).
// Server-side hooks do not run on a dry run, so a hook that refuses still shows at the push.
import { gitCommands } from '../git/git-commands.js';
import { createGitRunner } from '../git/git-runner.js';
import type { GateResult } from '../model/plan-types.js';
import type { PreflightInput } from './deploy-provider.js';

export async function gitBranchPreflight(input: PreflightInput): Promise<GateResult[]> {
  const base = { id: 'deploy-provider', title: `${input.remote} accepts the push` };
  const r = await createGitRunner(input.ctx, input.repoDir).try(gitCommands.dryRunPush(input.remote, input.mainBranch));
  if (r.code === 0) return [{ ...base, status: 'pass', detail: `a dry-run push of HEAD to ${input.remote}/${input.mainBranch} is accepted` }];
  const reason = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'Done' && !l.startsWith('To ')).slice(0, 3).join(' | ');
  return [{
    ...base,
    status: 'fail',
    detail: `${input.remote} refuses a dry-run push of HEAD to ${input.mainBranch}: ${reason || `git push exited ${r.code}`} (check the remote's push URL and your write access: git remote get-url --push ${input.remote})`,
  }];
}
