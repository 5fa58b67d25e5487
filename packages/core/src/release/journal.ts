// The release journal: what a running release has done so far, kept in the repository's
// git dir (never in the work tree, so it never dirties it). A re-run reads it to finish an
// interrupted release without repeating what already reached the remote.
import { join } from 'node:path';
import type { CoreContext } from '../context.js';
import type { StartedDeployment } from '../deploy/deploy-provider.js';
import type { Repository } from '../git/repository.js';
import type { Bump, BumpReason, SpecRef } from '../plan/plan-types.js';
import type { ReleaseStatus, StepName, StepStatus } from './statuses.js';
import { isTerminalStatus } from './statuses.js';

export interface ReleaseJournal {
  version: string;
  tag: string;
  previousVersion: string | null;
  previousTag: string | null;
  /** HEAD before the release commit. */
  head: string;
  /** The release commit, once made. */
  commit: string | null;
  /** What production ran before the deploy (recorded once, before deploying). */
  previousDeployCommit: string | null;
  previousDeployRecorded: boolean;
  /**
   * The release tag at previousDeployCommit when it is not previousTag (production runs an
   * older release after a rollback): what a rollback returns to.
   */
  previousDeployTag?: string;
  previousDeployVersion?: string;
  spec: SpecRef | null;
  changelogBody: string;
  /**
   * Why this version, as the first plan decided it: a resumed run's plan only says "resume",
   * and a report written or rewritten after a resume keeps the real reasons.
   */
  decision?: { bump: Bump | null; bumpSource: string | null; reasons: BumpReason[] };
  status: ReleaseStatus;
  steps: Partial<Record<StepName, StepStatus>>;
  startedAt: string;
  deployedAt?: string;
  deploymentId?: string;
  deploymentUrl?: string;
  githubReleaseUrl?: string;
  /** The GitHub Release's id (to publish a draft or mark it rolled back) and whether it is still a draft. */
  githubReleaseId?: number;
  githubReleaseDraft?: boolean;
  /** The deployment the provider started (a workflow run) and its last known state: a re-run follows it. */
  deployStarted?: StartedDeployment;
  actor?: string;
}

async function journalPath(repo: Repository): Promise<string> {
  return join(await repo.gitDir(), 'shipgate', 'journal.json');
}

export async function readJournal(ctx: CoreContext, repo: Repository): Promise<ReleaseJournal | null> {
  const path = await journalPath(repo);
  if (!(await ctx.fs.exists(path))) return null;
  try {
    return JSON.parse(await ctx.fs.readFile(path)) as ReleaseJournal;
  } catch {
    return null; // a torn or foreign file is no journal: plan afresh
  }
}

export async function writeJournal(ctx: CoreContext, repo: Repository, journal: ReleaseJournal): Promise<void> {
  const path = await journalPath(repo);
  await ctx.fs.mkdir(join(path, '..'));
  await ctx.fs.writeFile(path, `${JSON.stringify(journal, null, 2)}\n`);
}

export function isJournalPending(journal: ReleaseJournal | null): journal is ReleaseJournal {
  return journal !== null && !isTerminalStatus(journal.status);
}
