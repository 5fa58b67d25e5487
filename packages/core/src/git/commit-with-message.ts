// The one place the engine makes a commit: no editor, no hooks, no signing prompt, the message
// verbatim, and a Shipgate identity only when the repository has none of its own.
import type { CoreContext, ExecResult } from '../context.js';
import { gitCommands } from './git-commands.js';
import type { Repository } from './repository.js';

const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'Shipgate',
  GIT_AUTHOR_EMAIL: 'shipgate@localhost',
  GIT_COMMITTER_NAME: 'Shipgate',
  GIT_COMMITTER_EMAIL: 'shipgate@localhost',
};

/** Commits what is staged with `subject` as the whole message; never throws (read `code`). */
export async function commitWithMessage(ctx: CoreContext, repo: Repository, subject: string, options: { allowEmpty?: boolean } = {}): Promise<ExecResult> {
  const identity = (await repo.hasIdentity()) ? {} : FALLBACK_IDENTITY;
  return ctx.exec('git', gitCommands.commit(options.allowEmpty === true), { cwd: repo.dir, env: { ...ctx.env, GIT_EDITOR: 'true', ...identity }, input: `${subject}\n` });
}
