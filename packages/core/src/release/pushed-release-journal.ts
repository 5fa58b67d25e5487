// A release whose commit and tag reached the remote but that never finished, found without
// its journal: a fresh clone in CI, a teammate's machine, or a lost .git/shipgate. Without
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
import type { SpecRef } from '../plan/plan-types.js';
import { releaseTagAt } from '../production/release-tag-at.js';
import type { ReleaseJournal } from './journal.js';
import { releasedTags } from '../production/released-tags.js';

export interface PushedReleaseInput {
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

export async function pushedReleaseJournal(input: PushedReleaseInput): Promise<ReleaseJournal | null> {
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
