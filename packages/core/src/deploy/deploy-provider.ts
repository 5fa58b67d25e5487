// One interface for every way of deploying; one file per implementation, picked by
// `deploy.provider` from the registry in deploy-providers.ts.
import type { DeployConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import type { ShipgateError } from '../errors.js';
import type { StartedDeployment } from '../model/journal-types.js';
import type { GateResult } from '../model/plan-types.js';

export interface ReleaseTarget {
  version: string;
  tag: string;
  /** Full sha of the release commit. */
  commit: string;
}

export interface DeployInput {
  /** The repository work tree the release runs in. */
  repoDir: string;
  /** Remote name (git.remote). */
  remote: string;
  config: DeployConfig;
  ctx: CoreContext;
  release: ReleaseTarget;
  /** The release production served before (null on the first release). */
  previous: ReleaseTarget | null;
  /** Emits a `step.log` line for the running step. */
  log: (line: string, stream?: 'stdout' | 'stderr' | 'info' | 'warn') => void;
  signal?: AbortSignal;
  /** What an earlier attempt of this deploy started and last saw (the journal): follow it, never start a second one. */
  started?: StartedDeployment;
  /** Told when the provider starts something it can follow later, and of each state it sees. */
  onStarted?: (started: StartedDeployment) => Promise<void>;
  /**
   * The remote's refs as the calling step read them just before (ls-remote), so the provider
   * need not read them again. git-branch takes its branch's sha from them as the lease of its
   * push: a branch moved since is refused by the remote, never overwritten.
   */
  remoteRefs?: ReadonlyMap<string, string>;
}


/** What a provider's plan-time check needs: the checkout and the config. */
export interface PreflightInput {
  repoDir: string;
  remote: string;
  mainBranch: string;
  config: DeployConfig;
  ctx: CoreContext;
}

export interface DeployResult {
  /** One line for the timeline: "production → 3f2a9c1", "run #42 succeeded". */
  detail: string;
  deploymentId?: string;
  deploymentUrl?: string;
}

export interface DeployProvider {
  readonly name: string;
  /**
   * What production runs now, recorded before the deploy so rollback can return to the
   * exact commit (git-branch: the remote branch's sha). Null when the provider cannot tell.
   */
  currentCommit(input: Omit<DeployInput, 'release' | 'previous'>): Promise<string | null>;
  /**
   * The same answer from the remote's refs a caller already read (git-branch: its branch
   * there), so no second read of the remote; absent when the refs cannot say (then ask currentCommit).
   */
  commitInRefs?(refs: ReadonlyMap<string, string>, config: DeployConfig): string | null;
  /** Deploys input.release. Idempotent: deploying what already runs succeeds. Throws DEPLOY_FAILED. */
  deploy(input: DeployInput): Promise<DeployResult>;
  /** Puts `to` back into production (to.commit is the exact commit recorded before). */
  rollback(input: DeployInput & { to: ReleaseTarget }): Promise<DeployResult>;
  /**
   * Why this configuration cannot roll back at all (null or absent: it can), so a caller can
   * refuse before anything moves; rollback() throws the same error.
   */
  cannotRollBack?(config: DeployConfig): ShipgateError | null;
  /**
   * Plan-time gates: whether this provider can deploy at all (token, workflow, command, push
   * access), so a release is blocked before anything is pushed. Never throws.
   */
  preflight?(input: PreflightInput): Promise<GateResult[]>;
}

export type { StartedDeployment };
