// API types, copied from apps/server/src/api-types.ts and @shipgate/core (CONTRACT §4–§5).
// The web bundle never imports server code.
export type Role = 'deployer' | 'viewer';
export type ReleaseStatus = 'queued' | 'running' | 'monitoring' | 'succeeded' | 'failed' | 'rolling_back' | 'rolled_back' | 'cancelled' | 'interrupted';
export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
export type GateStatus = 'pass' | 'fail' | 'skip';

export interface GateResult {
  id: string;
  title: string;
  status: GateStatus;
  detail: string;
  evidence?: { file?: string; field?: string; value?: string | boolean | number | null; by?: string; at?: string };
}

export interface BumpReason {
  bump: 'major' | 'minor' | 'patch' | 'none';
  commit?: string;
  subject?: string;
  changelogSection?: string;
  entry?: string;
  note?: string;
}

export interface PlanDto {
  project: string;
  currentVersion: string | null;
  nextVersion: string | null;
  bump: string | null;
  bumpSource: string | null;
  reasons: BumpReason[];
  tag: string | null;
  spec: { slug: string; dir: string } | null;
  gates: GateResult[];
  blocked: boolean;
  blockers: string[];
  changelog: string;
  steps: string[];
  warnings?: string[];
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
  dryRun?: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  currentStep?: string | null;
  steps: StepDto[];
  error: { code: string; message: string; hint?: string } | null;
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

export interface ReportSummaryDto {
  releaseId: string;
  project: string;
  version: string | null;
  status: string;
  createdAt: string;
}

export interface HealthResult {
  check: string;
  kind: string;
  severity: 'critical' | 'warning';
  outcome: 'pass' | 'fail' | 'unknown';
  final: boolean;
  attempt: number;
  latencyMs: number | null;
  observed: string;
  detail: string;
  target: string;
  phase: 'deploy' | 'rollback';
}

export type MonitorVerdictValue = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'NO_DATA' | 'ERROR';

export interface MonitorSample {
  at: string;
  baseline: { errorRate: number | null; p95Ms: number | null; requests: number };
  current: { errorRate: number | null; p95Ms: number | null; requests: number };
  /** current − baseline error rate in percentage points, with its 95% interval. */
  errorRateDiff?: { estimate: number; lower: number; upper: number } | null;
  /** current p95 / baseline p95, with its 95% interval. */
  latencyRatio?: { estimate: number; lower: number; upper: number } | null;
  /** errorRateIncrease in percentage points; latencyDegradation and errorRateCeiling as fractions. */
  thresholds: { errorRateIncrease: number; latencyDegradation: number; errorRateCeiling: number };
  verdict: MonitorVerdictValue;
  windowEndsAt: string;
}

export type ReleaseEvent =
  | { type: 'release.status'; status: ReleaseStatus; reason?: string }
  | { type: 'release.fact'; key: string; value: string }
  | { type: 'step.started'; step: string; title: string }
  | { type: 'step.log'; step: string; line: string; stream?: 'stdout' | 'stderr' | 'info' | 'warn' }
  | { type: 'step.finished'; step: string; status: StepStatus; detail: string; durationMs: number }
  | { type: 'gate.result'; gate: GateResult }
  | { type: 'health.result'; result: HealthResult }
  | { type: 'monitor.sample'; sample: MonitorSample }
  | { type: 'monitor.verdict'; verdict: MonitorVerdictValue; reason: string; sample?: MonitorSample };

/** GET /api/releases/:id/events items and WebSocket batch items, normalised. */
export interface SeqEvent {
  seq: number;
  at: string;
  event: ReleaseEvent;
}

export type ServerMessage =
  | { type: 'event'; releaseId: string; seq: number; at: string; event: ReleaseEvent }
  | { type: 'events'; releaseId: string; items: SeqEvent[] }
  | { type: 'subscribed'; releaseId?: string; topic?: 'releases' }
  | { type: 'error'; error: string; message: string };

export type DemoFaultKind = 'errors' | 'latency' | 'component';

/** GET /api/demo: whether this server runs the demo sandbox (`shipgate demo`). */
export interface DemoDto {
  enabled: boolean;
  faultKinds?: DemoFaultKind[];
}

/** POST /api/demo/faulty-release → 201. */
export interface FaultyReleaseDto {
  commit: string;
  kind: DemoFaultKind;
}
