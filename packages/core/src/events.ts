// Everything the engine does is told as events: the CLI renders them, the server stores
// and streams them, and the ship report is folded from them.
import type { GateResult } from './model/plan-types.js';
import type { ReleaseStatus, StepName, StepStatus } from './model/statuses.js';

export type HealthOutcome = 'pass' | 'fail' | 'unknown';

export interface HealthResult {
  check: string;
  kind: string;
  severity: 'critical' | 'warning';
  /** pass: measured good · fail: measured bad · unknown: could not measure (timeout, refused). */
  outcome: HealthOutcome;
  /** Final result of the check (true) or one attempt (false). */
  final: boolean;
  attempt: number;
  latencyMs: number | null;
  /** What was observed: "200", "PONG", "connection refused", ... */
  observed: string;
  detail: string;
  target: string;
  /** Which round of checks: after the deploy, or after a rollback. */
  phase: 'deploy' | 'rollback';
}

export interface MonitorSample {
  at: string;
  baseline: { errorRate: number | null; p95Ms: number | null; requests: number };
  current: { errorRate: number | null; p95Ms: number | null; requests: number };
  errorRateDiff?: { estimate: number; lower: number; upper: number } | null;
  latencyRatio?: { estimate: number; lower: number; upper: number } | null;
  thresholds: { errorRateIncrease: number; latencyDegradation: number; errorRateCeiling: number };
  verdict: MonitorVerdictValue;
  windowEndsAt: string;
}

export type MonitorVerdictValue = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'NO_DATA' | 'ERROR';

export type ReleaseEvent =
  /** A final status carries the outcome's error (null when it succeeded); it is always the last event. */
  | { type: 'release.status'; status: ReleaseStatus; reason?: string; error?: ReleaseErrorJson | null }
  /**
   * The ship report as saved (in the repository, and now for the server): emitted right before
   * the final status, so whoever sees the final status can fetch the report. The server stores
   * `markdown` and leaves it out of the event log (clients fetch /report).
   */
  | { type: 'release.report'; file: string | null; status: ReleaseStatus; markdown?: string }
  /** What production runs after this run moved it (before the final status): core's word, kept by the server for the project. */
  | { type: 'production.changed'; version: string; tag: string; commit: string | null; since: string; explanation: string }
  | { type: 'release.fact'; key: ReleaseFactKey; value: string }
  | { type: 'step.started'; step: StepName; title: string }
  | { type: 'step.log'; step: StepName; line: string; stream?: 'stdout' | 'stderr' | 'info' | 'warn' }
  | { type: 'step.finished'; step: StepName; status: StepStatus; detail: string; durationMs: number }
  | { type: 'gate.result'; gate: GateResult }
  | { type: 'health.result'; result: HealthResult }
  | { type: 'monitor.baseline'; startedAt: string; endsAt: string; seconds: number }
  | { type: 'monitor.sample'; sample: MonitorSample }
  | { type: 'monitor.verdict'; verdict: MonitorVerdictValue; reason: string; sample?: MonitorSample };

/** An error as the release object carries it (ShipgateError.toJSON()). */
export interface ReleaseErrorJson {
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

/** Facts recorded while the release runs (what resume and rollback need). */
export type ReleaseFactKey =
  | 'version'
  | 'previousVersion'
  | 'tag'
  | 'commit'
  | 'previousDeployCommit'
  | 'deploymentId'
  | 'deploymentUrl'
  | 'githubReleaseUrl'
  | 'shipReport'
  | 'productionNow';

export type ReleaseEventType = ReleaseEvent['type'];
