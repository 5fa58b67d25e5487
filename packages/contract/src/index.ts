// @shipgate/contract — the API's request/response and WebSocket message types, one place
// shared by the server and the dashboard (CONTRACT §4–§5). Types only: nothing here runs,
// so the web bundle gets no server or engine code from it.
import type { ReleaseEvent, ReleasePlan, ReleaseStatus, StepStatus } from '@shipgate/core';

export type {
  BumpReason,
  GateResult,
  GateStatus,
  HealthResult,
  MonitorSample,
  MonitorVerdictValue,
  ReleaseEvent,
  ReleaseStatus,
  StepStatus,
} from '@shipgate/core';

export type Role = 'deployer' | 'viewer';

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
  status: ReleaseStatus;
  version: string | null;
  previousVersion: string | null;
  tag: string | null;
  commit: string | null;
  actor: string;
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
  productionVersion: string | null;
  lastRelease: ReleaseDto | null;
}

/** The `plan --json` object (CONTRACT §1). */
export type PlanDto = ReleasePlan;

export interface PromoteBody {
  bump?: string;
  spec?: string;
  dryRun?: boolean;
  monitor?: boolean;
  /** Promote although code changed after the commit staging validated (CONTRACT §3.1). */
  allowUnvalidated?: { reason: string };
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
