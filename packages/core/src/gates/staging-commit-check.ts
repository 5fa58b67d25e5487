// What is promoted must be what staging validated (CONTRACT §3.1): the commits on main after
// the staging commit may change only Spec-Flow files (`specs/`) and Markdown. Shipgate's own
// release commits (`chore(release): vX.Y.Z` touching only the version files and CHANGELOG)
// change no code either. Paths are relative to the project (git log --relative), so in a
// monorepo a commit that touches only other projects does not count.
import type { Repository } from '../git/repository.js';
import { gitCommands as cmd } from '../git/git-commands.js';
import { shortSha } from '../version/bump.js';

export interface UnvalidatedCommit {
  sha: string;
  subject: string;
  /** The files that are neither under specs/ nor Markdown. */
  files: string[];
}

export interface StagingCommitInput {
  repo: Repository;
  /** The sha state.yaml records under deployment.staging.commit_sha. */
  stagingSha: string;
  head: string;
  /** The Spec-Flow directory, relative to the project (config.specs). */
  specs: string;
  /** Files a release commit writes (config.version.files and config.changelog). */
  releaseFiles: readonly string[];
  tagPrefix: string;
}

export type StagingCommitCheck =
  | { ok: true; detail: string }
  | { ok: false; detail: string; commits: UnvalidatedCommit[]; summary: string };

export async function checkStagingCommit(input: StagingCommitInput): Promise<StagingCommitCheck> {
  const { repo, stagingSha, head } = input;
  const staged = await repo.resolve(stagingSha);
  if (!staged) {
    const summary = `staging validated ${stagingSha}, which is not in this repository`;
    return { ok: false, commits: [], summary, detail: `${summary}: fetch it, or record the commit staging runs in deployment.staging.commit_sha` };
  }
  const short = shortSha(staged);
  if (staged === head) return { ok: true, detail: `HEAD is the commit staging validated (${short})` };
  if (!(await repo.isAncestor(staged, head))) {
    const summary = `staging validated ${short}, which HEAD does not descend from`;
    return { ok: false, commits: [], summary, detail: `${summary}: what would ship was never on staging; deploy HEAD to staging and validate it` };
  }
  const out = await repo.git.run(cmd.logFilesSince(staged));
  const commits: UnvalidatedCommit[] = [];
  let docsOnly = 0;
  for (const record of out.split('\x1e').filter((r) => r.trim())) {
    const [header = '', ...files] = record.split('\n').filter(Boolean);
    const [sha = '', subject = ''] = header.split('\x1f');
    const code = files.filter((file) => !isSpecOrMarkdown(file, input.specs));
    if (code.length === 0 || isReleaseCommit(subject, code, input)) {
      docsOnly += 1;
      continue;
    }
    commits.push({ sha, subject, files: code });
  }
  if (commits.length === 0) {
    return { ok: true, detail: `staging validated ${short}; ${docsOnly} later commit(s) change only specs/ or Markdown` };
  }
  const listed = commits.map((c) => `${shortSha(c.sha)} ${c.subject} (${c.files.slice(0, 3).join(', ')}${c.files.length > 3 ? ` and ${c.files.length - 3} more` : ''})`);
  const count = commits.length === 1 ? '1 commit after it changes code' : `${commits.length} commits after it change code`;
  const summary = `staging validated ${short}; ${count}: ${listed.join('; ')}`;
  return { ok: false, commits, summary, detail: `${summary} — deploy HEAD to staging and validate it, or promote anyway with --allow-unvalidated REASON` };
}

function isSpecOrMarkdown(file: string, specs: string): boolean {
  const dir = specs.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return file.startsWith(`${dir}/`) || /\.(md|markdown)$/i.test(file);
}

function isReleaseCommit(subject: string, files: string[], input: StagingCommitInput): boolean {
  if (!subject.startsWith(`chore(release): ${input.tagPrefix}`)) return false;
  return files.every((file) => input.releaseFiles.includes(file));
}
