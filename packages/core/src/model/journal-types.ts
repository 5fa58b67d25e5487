// The plain shapes of a release in progress that several folders read: the journal Shipgate
// keeps in the git dir (release/journal.ts reads and writes it) and a deployment a provider
// started (deploy/).
import type { Bump, BumpReason, SpecRef } from './plan-types.js';
import type { ReleaseStatus, StepName, StepStatus } from './statuses.js';

/** A deployment the provider started (a workflow run): its id, link and last known state. */
export interface StartedDeployment {
  id: string;
  url?: string;
  /** The last state seen: queued, in_progress, completed. */
  status?: string;
  conclusion?: string | null;
  /** What it deploys (the release tag), so a later attempt never follows another release's run. */
  tag: string;
}

/**
 * An approval of a release (CONTRACT §7): who, when, for which commit of main and version.
 * `void` says why it no longer counted (main moved before the last approval).
 */
export interface ReleaseApproval {
  by: string;
  at: string;
  commit: string;
  version: string | null;
  comment?: string;
  void?: string;
}

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
  /** Who released it (a display name) and their stable id (`oidc:…`, `token:ci-bot`, `cli:jane@build-01`). */
  actor?: string;
  actorId?: string;
  /** The approvals the release started with (and those that stopped counting), for the report. */
  approvals?: ReleaseApproval[];
}
