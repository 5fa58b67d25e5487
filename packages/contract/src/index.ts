// @shipgate/contract — the API's request/response and WebSocket message types, one place
// shared by the server and the dashboard (CONTRACT §4–§5), and the vocabularies: the release
// and step statuses, kinds and actions with their labels (core's lifecycle, re-exported from
// its dependency-free `vocabulary` entry, so the web bundle gets no engine code). The
// dashboard declares no status list of its own: it imports these.
import type { ReleaseAction, ReleaseEvent, ReleaseKind, ReleasePlan, ReleaseStatus, StepStatus } from '@shipgate/core';

export {
  ACTIVE_RELEASE_STATUSES,
  GATE_LOOK,
  LIFECYCLE,
  STEP_LOOK,
  RELEASE_ACTIONS,
  RELEASE_KINDS,
  RELEASE_STATUSES,
  STEP_NAMES,
  STEP_STATUSES,
  TERMINAL_RELEASE_STATUSES,
  isActiveStatus,
  isLiveStatus,
  isTerminalStatus,
} from '@shipgate/core/vocabulary';

export type {
  BumpReason,
  GateResult,
  GateStatus,
  HealthResult,
  MonitorSample,
  MonitorVerdictValue,
  ProductionNow,
  ReleaseAction,
  Tone,
  ReleaseEvent,
  ReleaseKind,
  ReleaseStatus,
  StepStatus,
} from '@shipgate/core';

/** viewer reads; deployer also promotes and acts on releases; admin also manages tokens and projects (CONTRACT §7). */
export type Role = 'viewer' | 'deployer' | 'admin';

export interface ApiError {
  error: string;
  message: string;
}
export interface ConflictError extends ApiError {
  error: 'release_in_progress';
  releaseId: string | null;
}
export interface BlockedError extends ApiError {
  error: 'blocked';
  blockers: string[];
  plan: PlanDto;
}

export interface ReleaseErrorDto {
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  field?: string;
}

export interface StepDto {
  name: string;
  status: StepStatus;
  startedAt: string | null;
  finishedAt: string | null;
  detail: string | null;
}

export interface ReleaseDto {
  id: string;
  projectId: string;
  /** A promotion, or a manual rollback recorded as its own run. */
  kind: ReleaseKind;
  status: ReleaseStatus;
  /** What the caller may do with it now; the dashboard shows exactly these. */
  actions: ReleaseAction[];
  /** Why (a manual rollback's reason). */
  reason: string | null;
  /** The manual rollback that replaced this release. */
  rolledBackBy: string | null;
  /** For a rollback: the release it replaced. */
  rollbackOf: string | null;
  version: string | null;
  previousVersion: string | null;
  tag: string | null;
  commit: string | null;
  /** Who started it (a display name). */
  actor: string;
  /** Who, stably: `oidc:<sub>` for a person, `token:<name>` for a token; null for releases from before people. */
  actorId: string | null;
  bump: string | null;
  spec: string | null;
  dryRun: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  currentStep: string | null;
  /** The step a crash or shutdown interrupted (status `interrupted`). */
  interruptedStep: string | null;
  steps: StepDto[];
  error: ReleaseErrorDto | null;
  /** Set when the release was promoted with approvals required (CONTRACT §7); null otherwise. */
  approval: ApprovalDto | null;
}

/** One decision on a release awaiting approval. */
export interface ApprovalDecisionDto {
  actor: string;
  actorId: string;
  at: string;
  /** The commit of main and the version it was given for. */
  commit: string;
  version: string | null;
  /** An approval's comment, or a rejection's reason. */
  comment: string | null;
}

/** A release's approvals: who approved, how many are still needed, what the caller may do. */
export interface ApprovalDto {
  /** Distinct approvals needed besides the requester. */
  required: number;
  /** The commit of main the approvals are for (the release is planned from it). */
  commit: string;
  /** Approvals that count, oldest first. */
  approvals: ApprovalDecisionDto[];
  /** How many more approvals the release waits for (0 once it started, or when it ended). */
  stillNeeded: number;
  /** Approvals given before main moved: they no longer count (`reason` says why). */
  void: Array<ApprovalDecisionDto & { reason: string }>;
  /** Main moved before the last approval and the release was planned again: what changed. */
  replanned: string | null;
  /** Who rejected it, and why. */
  rejection: ApprovalDecisionDto | null;
  /** Why the caller may not approve or reject now (absent: they may, or nothing is awaited). */
  refusals: { approve?: string; reject?: string };
}

/** POST /api/releases/:id/approve (body optional). */
export interface ApproveBody {
  comment?: string;
}

/** POST /api/releases/:id/reject. */
export interface RejectBody {
  reason: string;
}

export interface ReleaseListDto {
  items: ReleaseDto[];
  nextCursor: string | null;
}

export interface ProjectDto {
  id: string;
  name: string;
  dir: string;
  currentVersion: string | null;
  /** = production.version (kept for CONTRACT §4). */
  productionVersion: string | null;
  /** What production runs now, as core's productionNow() and the last run said; null when nothing can tell. */
  production: ProductionDto | null;
  lastRelease: ReleaseDto | null;
  /** Set while the project is locked: promotes answer 423 `locked` (rollbacks, cancels and resumes are never blocked). */
  lock: ProjectLockDto | null;
  /** Approvals a promote of this project waits for (CONTRACT §7 approvals.required; 0: none). */
  approvalsRequired: number;
  /** The freeze promotes are under now (`active: true`), else the next one within 14 days; null when none. */
  freeze: ProjectFreezeDto | null;
}

/** A deployment freeze (CONTRACT §7 `freezes`) as the project shows it. */
export interface ProjectFreezeDto {
  name: string;
  /** When it starts (for an active freeze: now). */
  from: string;
  /** When a promote is possible again (chained freezes included): an ISO instant, or "never". */
  until: string;
  /** true: promotes answer 423 `frozen` now, unless an admin overrides with a reason. */
  active: boolean;
}

export interface ProjectLockDto {
  reason: string;
  by: string;
  since: string;
  /** Locked by Shipgate after an automatic rollback (lockAfterRollback). */
  automatic: boolean;
}

export interface LockBody {
  reason: string;
}

export interface ProductionDto {
  version: string | null;
  tag: string | null;
  commit: string | null;
  /** When production started running it. */
  since: string | null;
  /** The release (or rollback) that put it there, when the server ran it. */
  releaseId: string | null;
}

/** The `plan --json` object (CONTRACT §1). */
export type PlanDto = ReleasePlan;

/** POST /api/releases/:id/rollback (every field optional; body-less is fine). */
export interface RollbackBody {
  reason?: string;
  /** The release to return to (X.Y.Z or vX.Y.Z); default: what production ran before. */
  to?: string;
}

export interface PromoteBody {
  bump?: string;
  spec?: string;
  dryRun?: boolean;
  monitor?: boolean;
  /** Promote although code changed after the commit staging validated (CONTRACT §3.1). */
  allowUnvalidated?: { reason: string };
  /** Promote during a freeze (admins only; CONTRACT §7): audited and in the ship report. */
  override?: { reason: string };
}

/** GET /api/releases/:id/events items. */
export type StoredEventDto = { seq: number; at: string } & ReleaseEvent;

export interface ReportSummaryDto {
  releaseId: string;
  project: string;
  version: string | null;
  status: string;
  createdAt: string;
}

export interface SessionDto {
  role: Role;
}

export interface HealthDto {
  status: 'pass' | 'warn' | 'fail';
  version: string;
  serviceId: string;
  description: string;
}

// ---- WebSocket /api/ws ----

export type ClientMessage =
  /** `batch: true` (an extension) receives `events` messages holding many events at once. */
  | { type: 'subscribe'; releaseId: string; after?: number; batch?: boolean }
  | { type: 'subscribe'; topic: 'releases' }
  | { type: 'unsubscribe'; releaseId: string }
  | { type: 'unsubscribe'; topic: 'releases' };

export interface EventMessage {
  type: 'event';
  releaseId: string;
  seq: number;
  at: string;
  event: ReleaseEvent;
}

export interface EventBatchMessage {
  type: 'events';
  releaseId: string;
  items: Array<{ seq: number; at: string; event: ReleaseEvent }>;
}

export type ServerMessage =
  | EventMessage
  | EventBatchMessage
  | { type: 'subscribed'; releaseId?: string; topic?: 'releases' }
  | { type: 'error'; error: string; message: string };

/** GET /api/releases/:id/events items and WebSocket batch items, normalised. */
export interface SeqEvent {
  seq: number;
  at: string;
  event: ReleaseEvent;
}

// ---- demo (`shipgate demo` only) ----

export type DemoFaultKind = 'errors' | 'latency' | 'component';

/** GET /api/demo: whether this server runs the demo sandbox. */
export interface DemoDto {
  enabled: boolean;
  faultKinds?: DemoFaultKind[];
}

/** POST /api/demo/faulty-release → 201. */
export interface FaultyReleaseDto {
  commit: string;
  kind: DemoFaultKind;
}

// ---- People (CONTRACT §7) ----

/** GET /api/me */
export interface MeDto {
  id: string;
  name: string;
  email: string | null;
  /** Server-wide. */
  role: Role;
  via: 'oidc' | 'token';
  /** The caller's role on each project (per-project rules may differ from the server-wide role). */
  projectRoles: Record<string, Role>;
}

/** GET /api/auth: what the sign-in page offers. */
export interface AuthInfoDto {
  oidc: { name: string; loginUrl: string } | null;
}

/** GET /api/audit items (newest first). */
export interface AuditEntryDto {
  id: string;
  at: string;
  /** Display name; null when unknown (a failed sign-in). */
  actor: string | null;
  actorId: string | null;
  /** sign_in, sign_in_failed, promote, rollback, cancel, resume, token_created, token_revoked */
  action: string;
  projectId?: string;
  releaseId?: string;
  reason?: string;
  detail?: Record<string, unknown>;
}

export interface AuditPageDto {
  items: AuditEntryDto[];
  nextCursor: string | null;
}

/** GET /api/tokens items (never the secret). */
export interface ApiTokenDto {
  id: string;
  name: string;
  role: Role;
  owner: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** POST /api/tokens: the secret, shown this once. */
export interface CreatedApiTokenDto {
  id: string;
  name: string;
  token: string;
  role: Role;
  expiresAt: string | null;
}

/** GET /api/projects/:id/deliveries items (newest first): one notification to one target. Never the target's URL or secret. */
export interface DeliveryDto {
  /** Also the X-Shipgate-Delivery header. */
  id: string;
  projectId: string;
  releaseId: string | null;
  /** release.started, release.failed, project.locked, … */
  type: string;
  target: { kind: 'webhook' | 'slack'; name: string };
  /** pending (another attempt is due at nextAttemptAt), sending, delivered, failed (gave up). */
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** The receiver's last HTTP status; null when it never answered. */
  lastStatus: number | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
  /** What the caller may do: "redeliver" (send again) when it is delivered or failed and the caller is a deployer. */
  actions: 'redeliver'[];
}
