// The git work tree around a directory, asked of git once per CLI run: finding the project
// (project-dir.ts) and claiming the checkout (release-lock.ts) both need it.
import { execFileSync } from 'node:child_process';
import { sep } from 'node:path';

export interface GitWorkTree {
  /** The work tree's root, as git prints it (symlinks resolved). */
  topLevel: string;
  /** The absolute git dir (`.git`, or `.git/worktrees/NAME` in a linked work tree). */
  gitDir: string;
}

const known: GitWorkTree[] = [];

/** The work tree holding `dir`, or null when `dir` is not inside one. */
export function gitWorkTree(dir: string): GitWorkTree | null {
  const seen = known.find((tree) => dir === tree.topLevel || dir.startsWith(tree.topLevel.endsWith(sep) ? tree.topLevel : tree.topLevel + sep));
  if (seen) return seen;
  try {
    const [topLevel = '', gitDir = ''] = execFileSync('git', ['rev-parse', '--show-toplevel', '--absolute-git-dir'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
    if (!topLevel || !gitDir) return null;
    const tree = { topLevel, gitDir };
    known.push(tree);
    return tree;
  } catch {
    return null;
  }
}
