// Git argv builders: pure functions returning the exact arguments, so tests can assert the
// command without a repository and one place (git-runner.ts) executes them.

/** Settings applied to every mutating command: no editor, no signing prompt, no pager. */
export const NO_PROMPT_CONFIG = [
  '-c', 'commit.gpgSign=false',
  '-c', 'tag.gpgSign=false',
  '-c', 'tag.forceSignAnnotated=false',
  '-c', 'core.editor=true',
  '-c', 'core.pager=cat',
] as const;

export const gitCommands = {
  topLevel: () => ['rev-parse', '--show-toplevel'],
  head: () => ['rev-parse', '--verify', '-q', 'HEAD'],
  currentBranch: () => ['symbolic-ref', '-q', '--short', 'HEAD'],
  status: () => ['status', '--porcelain=v1', '--untracked-files=normal'],
  remoteUrl: (remote: string) => ['remote', 'get-url', remote],
  fetchBranch: (remote: string, branch: string) => [
    'fetch', '--no-tags', '--quiet', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
  ],
  deleteRef: (ref: string) => ['update-ref', '-d', ref],
  revParse: (ref: string) => ['rev-parse', '--verify', '-q', `${ref}^{commit}`],
  countBetween: (from: string, to: string) => ['rev-list', '--count', `${from}..${to}`],
  /** `<only in a>\t<only in b>`: both counts of `countBetween` in one walk. */
  countBothWays: (a: string, b: string) => ['rev-list', '--left-right', '--count', `${a}...${b}`],
  tagsMerged: (prefix: string) => ['tag', '--merged', 'HEAD', '--list', `${prefix}*`],
  /** Commits after `since` (all when null), oldest first: sha, parents, full message. */
  log: (since: string | null) => [
    'log', '--reverse', '--format=%H%x1f%P%x1f%B%x1e', since ? `${since}..HEAD` : 'HEAD',
  ],
  /** The work tree directory relative to the repository root (`packages/app/`), '' at the root. */
  showPrefix: () => ['rev-parse', '--show-prefix'],
  /** Non-merge commits after `since` that change files under the current directory (no history simplification). */
  commitsTouchingHere: (since: string | null) => ['rev-list', '--full-history', '--no-merges', since ? `${since}..HEAD` : 'HEAD', '--', '.'],
  /** Commits after `since` (newest first): sha, subject, then the files each changes, relative to the cwd. */
  logFilesSince: (since: string) => [
    'log', '--no-renames', '--relative', '--name-only', '--format=%x1e%H%x1f%s', `${since}..HEAD`,
  ],
  subject: (ref: string) => ['log', '-1', '--format=%s', ref],
  message: (ref: string) => ['log', '-1', '--format=%B', ref],
  committedAt: (ref: string) => ['log', '-1', '--format=%cI', ref],
  /** `sha<US>subject` of every commit after `since` on HEAD, newest first. */
  subjectsSince: (since: string) => ['log', '--format=%H%x1f%s', `${since}..HEAD`],
  /** `sha<US>subject` of HEAD's last `count` commits, newest first. */
  recentSubjectsWithSha: (count: number) => ['log', `-${count}`, '--format=%H%x1f%s', 'HEAD'],
  /** The subjects of HEAD's last `count` commits, newest first. */
  recentSubjects: (count: number) => ['log', `-${count}`, '--format=%s', 'HEAD'],
  /** Ship records (docs(ship): …) on a ref, newest first: sha, committer date, subject. */
  shipRecordLog: (ref: string, count: number) => ['log', `-${count}`, '--format=%H%x1f%cI%x1f%s', '--grep=^docs(ship): ', ref, '--'],
  /** When a tag was made (an annotated tag's own date), ISO 8601; empty when the tag is not here. */
  tagCreatedAt: (tag: string) => ['for-each-ref', '--format=%(creatordate:iso-strict)', `refs/tags/${tag}`],
  parent: (ref: string) => ['rev-parse', '--verify', '-q', `${ref}^`],
  isAncestor: (ancestor: string, descendant: string) => ['merge-base', '--is-ancestor', ancestor, descendant],
  add: (paths: readonly string[]) => ['add', '--', ...paths],
  commit: (allowEmpty = false) => [...NO_PROMPT_CONFIG, 'commit', '--no-verify', '--cleanup=verbatim', ...(allowEmpty ? ['--allow-empty'] : []), '-F', '-'],
  /** Annotated tag; verbatim cleanup keeps the CHANGELOG's ### headings in the message. */
  tag: (name: string, commit: string) => [...NO_PROMPT_CONFIG, 'tag', '-a', '--cleanup=verbatim', '-F', '-', name, commit],
  deleteLocalTag: (name: string) => ['tag', '-d', name],
  /** Moves the current branch back to a commit, refusing if that would lose local changes. */
  resetKeep: (commit: string) => ['reset', '-q', '--keep', commit],
  localTagTarget: (name: string) => ['rev-parse', '--verify', '-q', `refs/tags/${name}^{commit}`],
  lsRemote: (remote: string) => ['ls-remote', remote],
  /** Main and the tag in one atomic push: both land or neither does. */
  pushAtomic: (remote: string, branch: string, tag: string) => [
    'push', '--atomic', '--porcelain', remote, `refs/heads/${branch}:refs/heads/${branch}`, `refs/tags/${tag}:refs/tags/${tag}`,
  ],
  /** Asks the remote whether it would accept HEAD on the branch, sending nothing. */
  dryRunPush: (remote: string, branch: string) => ['push', '--dry-run', '--porcelain', remote, `HEAD:refs/heads/${branch}`],
  pushBranch: (remote: string, branch: string) => ['push', '--porcelain', remote, `refs/heads/${branch}:refs/heads/${branch}`],
  /** Moves a remote branch to a commit, refusing if someone else moved it meanwhile. */
  moveRemoteBranch: (remote: string, branch: string, commit: string, expected: string | null) => [
    'push', '--porcelain', `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`, remote, `${commit}:refs/heads/${branch}`,
  ],
  configGet: (key: string) => ['config', '--get', key],
  gitDir: () => ['rev-parse', '--absolute-git-dir'],
  /** Top level, absolute git dir, the cwd's prefix ('' at the root) and HEAD (absent without commits: exit 1) in one call. */
  layout: () => ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--show-prefix', '--verify', '-q', 'HEAD'],
} as const;
