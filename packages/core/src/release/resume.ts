// Is there a release to finish instead of a new one to cut? The one place that decides it,
// for the plan (resuming, and what it shows) and for runRelease (which journal it continues).
//
// 1. A pending journal in the git dir whose release commit (or starting point) is still in
//    HEAD's history.
// 2. Without one: a release whose commit and tag reached the remote but that never finished,
//    found without its journal: a fresh clone in CI, a teammate's machine, or a lost .git/shipgate. Without
// this, the next promote would see "nothing to release since vX" while production still ran
// the previous version. The evidence is all in git: HEAD is exactly Shipgate's release
// commit for the newest version tag, the same on the remote, and no ship record follows it
// (every finished, rolled back or cancelled release commits one). Such a release is finished
// like an interrupted one: from the deploy on, never making a second commit or tag.
import semver from 'semver';
import { join } from 'node:path';
import { parseChangelog, sectionBody } from '../changelog/parse-changelog.js';
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { gitCommands } from '../git/git-commands.js';
import type { Repository } from '../git/repository.js';
import type { SpecRef } from '../model/plan-types.js';
import { releaseTagAt } from '../production/release-tag-at.js';
import { isJournalPending, readJournal, type ReleaseJournal } from './journal.js';
import { releasedTags } from '../production/released-tags.js';

export interface ResumeInput {
  ctx: CoreContext;
  repo: Repository;
  config: ShipgateConfig;
  /** HEAD of the checkout. */
  head: string;
  /** The remote's refs (ls-remote); null when the remote cannot be read (then only a journal resumes). */
  refs: Map<string, string> | null;
  spec: SpecRef | null;
}

export interface Resumable {
  journal: ReleaseJournal;
  /** Where it was found: the journal on disk, or git alone (a fresh clone, another machine). */
  source: 'journal' | 'remote';
}

/** The release this checkout should finish instead of cutting a new one, or null. */
export async function findResumable(input: ResumeInput): Promise<Resumable | null> {
  const { ctx, repo, head, refs } = input;
  const journal = await readJournal(ctx, repo);
  if (isJournalPending(journal) && (await isResumable(repo, journal.commit, journal.head, journal.tag, head))) return { journal, source: 'journal' };
  if (!refs) return null;
  const found = await pushedReleaseJournal({ ...input, refs, journal });
  return found ? { journal: found, source: 'remote' } : null;
}

/**
 * The journal runRelease continues for a plan that resumes `tag`: the one on disk when it is
 * that release's, else the one git gives (read again: the remote may have moved since the plan).
 */
export async function resumeJournal(input: Omit<ResumeInput, 'refs'> & { tag: string | null }): Promise<Resumable | null> {
  const existing = await readJournal(input.ctx, input.repo);
  if (existing && existing.tag === input.tag) return { journal: existing, source: 'journal' };
  const refs = await input.repo.remoteRefs();
  const found = await pushedReleaseJournal({ ...input, refs, journal: existing });
  return found && found.tag === input.tag ? { journal: found, source: 'remote' } : null;
}

/** A pending journal is resumable when its release commit (or its starting point) is still HEAD's history. */
async function isResumable(repo: Repository, commit: string | null, start: string, tag: string, head: string): Promise<boolean> {
  if (commit) return head === commit || (await repo.isAncestor(commit, head));
  if (head === start) return true;
  // interrupted between the release commit and the journal update
  return (await repo.subject(head)) === `chore(release): ${tag}` && (await repo.resolve(`${head}^`)) === start;
}

interface PushedReleaseInput {
  ctx: CoreContext;
  repo: Repository;
  config: ShipgateConfig;
  head: string;
  /** The remote's refs (ls-remote). */
  refs: Map<string, string>;
  /** The journal on disk, if any: one that knows this tag decides instead (it may have ended on purpose). */
  journal: ReleaseJournal | null;
  spec: SpecRef | null;
}

async function pushedReleaseJournal(input: PushedReleaseInput): Promise<ReleaseJournal | null> {
  const { ctx, repo, config, head, refs, journal, spec } = input;
  const prefix = config.version.tagPrefix;
  const release = releaseTagAt(refs, head, prefix);
  if (!release) return null;
  if (journal && journal.tag === release.tag) return null;
  if ((await repo.subject(head)) !== `chore(release): ${release.tag}`) return null;
  if ((await repo.localTagCommit(release.tag)) !== head) return null;
  const parent = await repo.resolve(`${head}^`);
  if (!parent) return null;
  // what production ran before it: the newest release below it
  const previous = releasedTags(refs, prefix).find((t) => semver.lt(t.version, release.version)) ?? null;
  // a git-branch production already on the release (killed before its ship report): a
  // rollback goes to the previous release, not to what the branch holds now
  const onRelease = config.deploy.provider === 'git-branch' && refs.get(`refs/heads/${config.deploy.branch}`) === head;
  return {
    version: release.version,
    tag: release.tag,
    previousVersion: previous?.version ?? null,
    previousTag: previous?.tag ?? null,
    head: parent,
    commit: head,
    previousDeployCommit: onRelease ? (previous?.commit ?? null) : null,
    previousDeployRecorded: onRelease,
    spec,
    changelogBody: await changelogSection(ctx, repo.dir, config.changelog, release.version),
    status: 'interrupted',
    steps: { 'verify-gates': 'succeeded', 'bump-version': 'succeeded', tag: 'succeeded', push: 'succeeded' },
    startedAt: (await repo.git.try(gitCommands.committedAt(head))).stdout.trim() || ctx.clock.now().toISOString(),
  };
}

/** The release's CHANGELOG section as committed, for the ship report (empty when unreadable). */
async function changelogSection(ctx: CoreContext, dir: string, file: string, version: string): Promise<string> {
  try {
    const parsed = parseChangelog(await ctx.fs.readFile(join(dir, file)), file);
    const section = parsed.releases.find((s) => s.version === version);
    return section ? sectionBody(parsed, section) : '';
  } catch {
    return '';
  }
}
