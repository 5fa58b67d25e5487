// The pure data of a release plan: what `plan --json` prints, what the dashboard previews,
// and what runRelease carries out.
import type { GateStatus, StepName } from './statuses.js';

export type Bump = 'major' | 'minor' | 'patch';
export type BumpRequest = 'auto' | Bump | string; // or an explicit X.Y.Z

export interface GateEvidence {
  /** Repository-relative file the verdict came from. */
  file?: string;
  /** Dotted path of the field that decided it. */
  field?: string;
  value?: string | boolean | number | null;
  by?: string;
  at?: string;
}

export interface GateResult {
  id: string;
  title: string;
  status: GateStatus;
  detail: string;
  evidence?: GateEvidence;
}

/** Why the bump is what it is: one entry per commit or CHANGELOG entry that counted. */
export interface BumpReason {
  bump: Bump | 'none';
  /** Short sha, for a commit reason. */
  commit?: string;
  subject?: string;
  /** For a CHANGELOG reason: the ### section and the entry text. */
  changelogSection?: string;
  entry?: string;
  /** Why this item counts (or why it was ignored, with bump "none"). */
  note?: string;
}

/** Which commits counted for a project below the repository root. */
export interface CommitFilter {
  /** The project directory relative to the repository root, e.g. `packages/@headlessui-react`. */
  path: string;
  /** Commits since the last tag that change files under it (these decide the bump). */
  counted: number;
  /** Commits since the last tag that change nothing under it, left out. */
  leftOut: number;
}

export interface SpecRef {
  slug: string;
  dir: string;
}

/**
 * What clears a blocker: in words, the CLI command that does it (when one does), and the
 * dashboard's way when it has one — a promote with these options (a button on the project page).
 */
export interface BlockerAction {
  id: BlockerActionId;
  label: string;
  cli?: string;
  promote?: { bump?: string; allowUnvalidated?: true };
}

export type BlockerActionId =
  | 'commit-or-stash'
  | 'switch-branch'
  | 'pull'
  | 'check-remote'
  | 'validate-staging'
  | 'allow-unvalidated'
  | 'run-rollback-drill'
  | 'fix-deploy-setup'
  | 'fix-changelog'
  | 'release-anyway'
  | 'bump-past-tag'
  | 'fix-gate';

/** One blocker: what blocks (the same words as `blockers`), where it comes from, and what clears it. */
export interface Blocker {
  message: string;
  /** The failing gate's id, or `version` (nothing to release, an unreadable CHANGELOG) or `tag` (the tag exists). */
  source: string;
  action: BlockerAction;
}

export interface ReleasePlan {
  project: string;
  currentVersion: string | null;
  nextVersion: string | null;
  bump: Bump | null;
  bumpSource: 'commits' | 'changelog' | 'commits+changelog' | 'override' | 'resume' | null;
  reasons: BumpReason[];
  tag: string | null;
  previousTag: string | null;
  spec: SpecRef | null;
  gates: GateResult[];
  blocked: boolean;
  blockers: string[];
  /** The blockers again, each with what clears it (same order as `blockers`). */
  blockedBy: Blocker[];
  /** The body of the CHANGELOG section this release will get (### headings and entries). */
  changelog: string;
  steps: StepName[];
  /** True when this plan finishes a release that was started before (idempotent re-run). */
  resuming: boolean;
  /** Commit the plan was made at (local HEAD). */
  head: string;
  /** Warnings that do not block. */
  warnings: string[];
  /** What production runs now (productionNow: the deploy provider, the remote, the release history); null when none can tell. */
  production: ProductionNow | null;
  /** Present when the project is below the repository root: how many commits counted and how many were left out. */
  commitFilter?: CommitFilter | null;
  /** Set when code changed after the commit staging validated and someone promoted anyway. */
  unvalidated?: UnvalidatedOverride;
}

export interface UnvalidatedOverride {
  by: string;
  reason: string;
  /** The sha recorded under deployment.staging.commit_sha. */
  stagingCommit: string;
  /** The commits after it that change code. */
  commits: Array<{ sha: string; subject: string; files: string[] }>;
  detail: string;
}

/** What production runs now (production/production-now.ts answers it). */
export interface ProductionNow {
  /** The commit production runs (null: neither the provider nor the remote can say). */
  commit: string | null;
  /** The release tag at that commit, when there is one. */
  tag: string | null;
  version: string | null;
  /** When production started running it: the record that put it there (null: no record). */
  since: string | null;
  /** Who answered: the deploy provider (and the remote), or the release history alone. */
  source: 'deploy-provider' | 'history';
  /** One sentence: what runs, and why we know. */
  explanation: string;
}
