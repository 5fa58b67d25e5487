// One interface for every kind of health check; one file per kind, picked by `kind` from
// the registry in health-check-kinds.ts. A check measures once; run-health-checks.ts retries.
import type { HealthCheckConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import type { HealthOutcome } from '../events.js';

export interface AttemptInput<C extends HealthCheckConfig> {
  config: C;
  ctx: CoreContext;
  /** The version being checked: replaces `{{version}}` in the check's settings. */
  version: string;
  /** Bound for this one attempt. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Working directory for command checks. */
  cwd: string;
}

export interface AttemptResult {
  /** pass: measured good · fail: measured bad · unknown: could not measure. */
  outcome: HealthOutcome;
  /** What was seen: "200", "PONG", "connection refused". */
  observed: string;
  detail: string;
  latencyMs: number | null;
}

export interface HealthCheck<C extends HealthCheckConfig> {
  readonly kind: C['kind'];
  /** Where the check looks, for tables and events ("GET https://…/health", "db:5432"). */
  target(config: C, version: string): string;
  /** Throws CONFIG_INVALID for settings that can never work (a bad status range, a bad regex). */
  validate(config: C): void;
  attempt(input: AttemptInput<C>): Promise<AttemptResult>;
}

