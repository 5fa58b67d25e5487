// The version half of the plan: current version (from the version files), the last
// version tag, the bump and its reasons (commits + CHANGELOG), and the excerpt.
import { basename, dirname, join } from 'node:path';
import { bumpFromChangelog, hasWrittenEntries, parseChangelog, unreleasedBody, generateChangelogBody } from '../changelog/index.js';
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { isShipgateError, ShipgateError } from '../errors.js';
import type { CommitInfo, Repository } from '../git/repository.js';
import type { ReleaseJournal } from '../model/journal-types.js';
import { analyzeCommits, decideVersion, readVersion, revertedShasOutside, type ReleasedCommits } from '../version/index.js';
import type { Bump, BumpReason, CommitFilter, ReleasePlan, Blocker } from '../model/plan-types.js';

export interface VersionPlan {
  currentVersion: string | null;
  nextVersion: string | null;
  bump: Bump | null;
  bumpSource: ReleasePlan['bumpSource'];
  reasons: BumpReason[];
  tag: string | null;
  previousTag: string | null;
  changelog: string;
  /** Set when the project is below the repository root: only commits under it count. */
  commitFilter: CommitFilter | null;
  blockers: Blocker[];
  warnings: string[];
}

export interface VersionPlanInput {
  ctx: CoreContext;
  repo: Repository;
  config: ShipgateConfig;
  head: string;
  bump: string | undefined;
  resume: ReleaseJournal | null;
}

export async function planVersion({ ctx, repo, config, bump, resume }: VersionPlanInput): Promise<VersionPlan> {
  const prefix = config.version.tagPrefix;
  if (resume) {
    return {
      currentVersion: resume.previousVersion,
      nextVersion: resume.version,
      bump: null,
      bumpSource: 'resume',
      reasons: [{ bump: 'none', note: `finishing the interrupted release ${resume.tag} started at ${resume.startedAt}` }],
      tag: resume.tag,
      previousTag: resume.previousTag,
      changelog: resume.changelogBody,
      commitFilter: null,
      blockers: [],
      warnings: [`resuming ${resume.tag}: steps that already finished are not repeated`],
    };
  }
  const current = await readCurrentVersion(ctx, repo.dir, config.version.files);
  const lastTag = await repo.latestVersionTag(prefix);
  const all = (await repo.commitsSince(lastTag?.tag ?? null)).filter((c) => c.parents.length < 2);
  const { commits, filter: commitFilter } = await projectCommits(repo, all, lastTag?.tag ?? null);
  const released = await releasedCommits(repo, lastTag?.tag ?? null, revertedShasOutside(commits));
  const commitBump = analyzeCommits(commits, released);
  const warnings: string[] = [];
  const blockers: Blocker[] = [];
  warnings.push(...(await unlistedLockfiles(ctx, repo.dir, config.version.files)));
  if (lastTag && lastTag.version !== current) {
    warnings.push(`${config.version.files[0]} says ${current} but the last tag is ${lastTag.tag}: the next version starts from ${current}`);
  }

  const changelogPath = join(repo.dir, config.changelog);
  let unreleased = '';
  let changelogBump: ReturnType<typeof bumpFromChangelog> = { bump: null, reasons: [] };
  if (await ctx.fs.exists(changelogPath)) {
    try {
      unreleased = unreleasedBody(parseChangelog(await ctx.fs.readFile(changelogPath), config.changelog));
      changelogBump = bumpFromChangelog(unreleased);
    } catch (error) {
      if (!isShipgateError(error)) throw error;
      blockers.push({ message: error.format(), source: 'version', action: { id: 'fix-changelog', label: `Fix ${config.changelog} where the error points, commit and plan again`, cli: 'shipgate plan' } });
    }
  } else {
    warnings.push(`${config.changelog} does not exist: it will be created with entries generated from the commits`);
  }

  const decision = decideVersion({ current, commits: commitBump, changelog: changelogBump, override: bump ?? 'auto' });
  if (!decision.next && blockers.length === 0) {
    const since = lastTag ? `since ${lastTag.tag}` : 'in the history';
    const where = commitFilter ? ` that changes ${commitFilter.path}/` : '';
    const uncategorised = changelogBump.reasons.filter((r) => r.entry !== undefined && r.changelogSection === undefined).length;
    const entries =
      uncategorised === 0
        ? `no entry under "## [Unreleased]" in ${config.changelog}`
        : uncategorised === 1
          ? `the entry under "## [Unreleased]" in ${config.changelog} has no ### category, so it decides nothing by itself (put it under ### Added, ### Changed, ### Fixed …)`
          : `the ${uncategorised} entries under "## [Unreleased]" in ${config.changelog} have no ### category, so they decide nothing by themselves (put them under ### Added, ### Changed, ### Fixed …)`;
    const message =
      `Nothing to release: no feat, fix, perf or breaking commit${where} ${since} and ${entries}` +
        ' (add a CHANGELOG entry or a conventional commit; to release anyway, force a bump: CLI --bump patch, API { "bump": "patch" })';
    blockers.push({
      message,
      source: 'version',
      action: { id: 'release-anyway', label: 'Commit a change worth releasing (feat, fix, perf) or a CHANGELOG entry — or release anyway as a patch', cli: 'shipgate promote --bump patch', promote: { bump: 'patch' } },
    });
  }
  const changelog = hasWrittenEntries(unreleased) ? unreleased : decision.next ? generateChangelogBody(commits, released) : '';
  return {
    currentVersion: current,
    nextVersion: decision.next,
    bump: decision.bump,
    bumpSource: decision.source,
    reasons: decision.reasons,
    tag: decision.next ? `${prefix}${decision.next}` : null,
    previousTag: lastTag?.tag ?? null,
    changelog,
    commitFilter,
    blockers,
    warnings,
  };
}

/** For reverts of commits outside the range: each one's message when the last tag contains it, else null. */
async function releasedCommits(repo: Repository, lastTag: string | null, shas: string[]): Promise<ReleasedCommits> {
  const released = new Map<string, string | null>();
  for (const sha of shas) {
    const message = lastTag && (await repo.isAncestor(sha, lastTag)) ? await repo.message(sha) : null;
    released.set(sha, message);
  }
  return released;
}

/**
 * A project below the repository root (a package of a monorepo) counts only the commits that
 * change files under it, as semantic-release-monorepo and release-please do (CONTRACT §3.3).
 */
async function projectCommits(repo: Repository, all: CommitInfo[], since: string | null): Promise<{ commits: CommitInfo[]; filter: CommitFilter | null }> {
  const path = await repo.pathInRepository();
  if (!path) return { commits: all, filter: null };
  const touching = await repo.commitsTouchingProject(since);
  const commits = all.filter((c) => touching.has(c.sha));
  return { commits, filter: { path, counted: commits.length, leftOut: all.length - commits.length } };
}

/** npm lockfiles beside a listed package.json that are not listed themselves would contradict it after the release. */
async function unlistedLockfiles(ctx: CoreContext, repoDir: string, files: string[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const file of files.filter((f) => basename(f) === 'package.json')) {
    for (const lockfile of ['package-lock.json', 'npm-shrinkwrap.json'].map((name) => join(dirname(file), name))) {
      if (files.includes(lockfile) || !(await ctx.fs.exists(join(repoDir, lockfile)))) continue;
      warnings.push(`${lockfile} holds the version too but is not in version.files, so it will still say the old version: list it (version.files: [${[...files, lockfile].join(', ')}])`);
    }
  }
  return warnings;
}

/** The first version file is the source of truth; the others must agree with it. */
export async function readCurrentVersion(ctx: CoreContext, repoDir: string, files: string[]): Promise<string> {
  let current: string | null = null;
  for (const file of files) {
    const path = join(repoDir, file);
    if (!(await ctx.fs.exists(path))) {
      throw new ShipgateError('CONFIG_INVALID', `version file ${file} does not exist`, {
        file: '.shipgate.yaml',
        field: 'version.files',
        hint: `create ${file} with a version, or list the files that hold it under version.files`,
      });
    }
    const { version, line, column } = readVersion(file, await ctx.fs.readFile(path));
    if (current === null) current = version;
    else if (version !== current) {
      throw new ShipgateError('CONFIG_INVALID', `version ${version} differs from ${current} in ${files[0]}`, {
        file,
        line,
        column,
        field: 'version',
        hint: `make every file in version.files say ${current} before releasing`,
      });
    }
  }
  if (current === null) throw new ShipgateError('CONFIG_INVALID', 'version.files is empty', { file: '.shipgate.yaml', field: 'version.files' });
  return current;
}
