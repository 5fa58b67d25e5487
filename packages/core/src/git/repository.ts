// The repository operations the engine needs, over one GitRunner. Reads return data;
// writes are single git commands (see git-commands.ts for the exact argv).
import semver from 'semver';
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import { gitCommands as cmd } from './git-commands.js';
import { createGitRunner, type GitRunner } from './git-runner.js';

export interface CommitInfo {
  sha: string;
  parents: string[];
  message: string;
}

export interface VersionTag {
  tag: string;
  version: string;
}

export interface Repository {
  readonly dir: string;
  readonly remote: string;
  readonly git: GitRunner;
  head(): Promise<string | null>;
  currentBranch(): Promise<string | null>;
  changedFiles(): Promise<string[]>;
  /** Fetches the main branch; returns the error text instead of throwing. */
  fetchMain(branch: string): Promise<string | null>;
  countBetween(from: string, to: string): Promise<number>;
  /** Commits only in `a` and only in `b`, in one walk. */
  countBothWays(a: string, b: string): Promise<{ onlyA: number; onlyB: number }>;
  resolve(ref: string): Promise<string | null>;
  latestVersionTag(prefix: string): Promise<VersionTag | null>;
  commitsSince(ref: string | null): Promise<CommitInfo[]>;
  /** The project directory relative to the repository root (`packages/app`), '' at the root. */
  pathInRepository(): Promise<string>;
  /** The shas of the commits after `ref` that change files under the project directory. */
  commitsTouchingProject(ref: string | null): Promise<Set<string>>;
  subject(ref: string): Promise<string>;
  /** The whole message of one commit. */
  message(ref: string): Promise<string>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Every ref on the remote: ref name → sha (annotated tags also as `name^{}` → commit). */
  remoteRefs(): Promise<Map<string, string>>;
  localTagCommit(tag: string): Promise<string | null>;
  gitDir(): Promise<string>;
  hasIdentity(): Promise<boolean>;
}

/** Where a directory sits in its repository, and its HEAD at the moment it was read. */
export interface RepositoryLayout {
  topLevel: string;
  gitDir: string;
  /** The directory relative to the top level, with a trailing slash ('' at the root). */
  prefix: string;
  head: string | null;
}

/**
 * The layout of `dir`'s repository in one git call, or null (with git's words) when `dir` is
 * not a git work tree. A plan starts with it instead of four separate `git rev-parse`s.
 */
export async function readRepositoryLayout(ctx: CoreContext, dir: string): Promise<{ layout: RepositoryLayout | null; stderr: string }> {
  const r = await ctx.exec('git', cmd.layout(), { cwd: dir, env: { ...ctx.env, LC_ALL: 'C' } });
  const [topLevel = '', gitDir = '', prefix = '', head = ''] = r.stdout.split('\n');
  // exit 1 with the first three lines: a work tree without commits yet
  if ((r.code !== 0 && r.code !== 1) || !topLevel || !gitDir) return { layout: null, stderr: r.stderr };
  return { layout: { topLevel, gitDir, prefix, head: r.code === 0 && head ? head : null }, stderr: r.stderr };
}

/** `known`: the layout already read for `dir` (readRepositoryLayout), so the git dir and prefix are not asked again. */
export function openRepository(ctx: CoreContext, dir: string, remote: string, known?: RepositoryLayout): Repository {
  const git = createGitRunner(ctx, dir);
  let gitDir: Promise<string> | null = known ? Promise.resolve(known.gitDir) : null;
  let identity: Promise<boolean> | null = null;
  const quiet = async (args: readonly string[]) => {
    const r = await git.try(args);
    return r.code === 0 ? r.stdout.trim() : null;
  };
  return {
    dir,
    remote,
    git,
    head: () => quiet(cmd.head()),
    currentBranch: () => quiet(cmd.currentBranch()).then((b) => b || null),
    async changedFiles() {
      // not git.run: it trims, and the first line's leading status space is part of the format
      const r = await git.try(cmd.status());
      if (r.code !== 0) throw new ShipgateError('GIT_FAILED', `git status failed: ${(r.stderr || r.stdout).trim()}`);
      return r.stdout.split('\n').filter((line) => line.length > 3).map((line) => line.slice(3));
    },
    async fetchMain(branch) {
      const r = await git.try(cmd.fetchBranch(remote, branch));
      if (r.code === 0) return null;
      const error = (r.stderr || r.stdout).trim() || `git fetch exited ${r.code}`;
      // the remote answered but has no such branch yet (a new repository): the release push creates it
      if (/couldn't find remote ref/.test(error)) {
        await git.try(cmd.deleteRef(`refs/remotes/${remote}/${branch}`));
        return null;
      }
      return error;
    },
    async countBetween(from, to) {
      return Number(await git.run(cmd.countBetween(from, to)));
    },
    async countBothWays(a, b) {
      const [onlyA = '', onlyB = ''] = (await git.run(cmd.countBothWays(a, b))).split(/\s+/);
      return { onlyA: Number(onlyA), onlyB: Number(onlyB) };
    },
    resolve: (ref) => quiet(cmd.revParse(ref)),
    async latestVersionTag(prefix) {
      const out = await git.run(cmd.tagsMerged(prefix));
      let best: VersionTag | null = null;
      for (const tag of out.split('\n').filter(Boolean)) {
        const version = semver.valid(tag.slice(prefix.length));
        if (version && !semver.prerelease(version) && (!best || semver.gt(version, best.version))) best = { tag, version };
      }
      return best;
    },
    async commitsSince(ref) {
      const out = await git.run(cmd.log(ref));
      return out
        .split('\x1e')
        .map((record) => record.replace(/^\n+/, ''))
        .filter(Boolean)
        .map((record) => {
          const [sha = '', parents = '', message = ''] = record.split('\x1f');
          return { sha, parents: parents.split(' ').filter(Boolean), message: message.trim() };
        });
    },
    async pathInRepository() {
      return (known ? known.prefix : await git.run(cmd.showPrefix())).replace(/\/$/, '');
    },
    async commitsTouchingProject(ref) {
      return new Set((await git.run(cmd.commitsTouchingHere(ref))).split('\n').filter(Boolean));
    },
    subject: (ref) => git.run(cmd.subject(ref)),
    message: (ref) => git.run(cmd.message(ref)),
    async isAncestor(ancestor, descendant) {
      return (await git.try(cmd.isAncestor(ancestor, descendant))).code === 0;
    },
    async remoteRefs() {
      const r = await git.try(cmd.lsRemote(remote));
      if (r.code !== 0) {
        throw new ShipgateError('GIT_FAILED', `cannot reach the remote "${remote}": ${r.stderr.trim()}`, {
          hint: `check the remote's URL (git remote get-url ${remote}) and your network or credentials`,
        });
      }
      const refs = new Map<string, string>();
      for (const line of r.stdout.split('\n')) {
        const [sha, ref] = line.split('\t');
        if (sha && ref) refs.set(ref, sha);
      }
      return refs;
    },
    localTagCommit: (tag) => quiet(cmd.localTagTarget(tag)),
    // asked for every journal read and write: one `git rev-parse` per repository, not one per call
    gitDir: () => (gitDir ??= git.run(cmd.gitDir()).catch((error: unknown) => {
      gitDir = null;
      throw error;
    })),
    // asked before every commit; the configured identity does not change during a release
    hasIdentity: () => (identity ??= quiet(cmd.configGet('user.email')).then((email) => Boolean(email || ctx.env.GIT_AUTHOR_EMAIL))),
  };
}

/** The commit a remote tag points at (peeled for annotated tags), or null. */
export function remoteTagCommit(refs: Map<string, string>, tag: string): string | null {
  return refs.get(`refs/tags/${tag}^{}`) ?? refs.get(`refs/tags/${tag}`) ?? null;
}
