// All configured checks in parallel, each to its own verdict; the run passes when no
// critical check ended anything but `pass` (a critical check that cannot be measured fails too).
import type { HealthCheckConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import type { HealthResult } from '../events.js';
import { healthCheckFor } from './health-check-kinds.js';
import { pollCheck } from './poll-check.js';

export interface HealthRunInput {
  ctx: CoreContext;
  version: string;
  phase: 'deploy' | 'rollback';
  /** Cancels the run (default: ctx.signal). */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Working directory of command checks (default: the process's). */
  cwd?: string;
}

export interface HealthRunSummary {
  /** No critical check failed (or stayed unmeasurable). */
  passed: boolean;
  /** The final result of every check, in config order. */
  results: HealthResult[];
  /** "name: detail" for every critical check that did not pass. */
  criticalFailures: string[];
  /** "name: detail" for every warning check that did not pass. */
  warnings: string[];
}

export async function runHealthChecks(checks: HealthCheckConfig[], input: HealthRunInput): Promise<HealthRunSummary> {
  for (const check of checks) healthCheckFor(check).validate(check);
  const signal = input.signal ?? input.ctx.signal;
  const pollInput = {
    ctx: input.ctx,
    version: input.version,
    phase: input.phase,
    cwd: input.cwd ?? '.',
    ...(signal === undefined ? {} : { signal }),
    ...(input.log === undefined ? {} : { log: input.log }),
  };
  let results: HealthResult[];
  try {
    results = await Promise.all(checks.map((check) => pollCheck(check, pollInput)));
  } catch (error) {
    if (signal?.aborted) throw new ShipgateError('CANCELLED', 'health checks cancelled', { cause: error });
    throw error;
  }
  return summarizeHealthResults(results);
}

export function summarizeHealthResults(results: HealthResult[]): HealthRunSummary {
  const failing = results.filter((result) => result.outcome !== 'pass');
  const line = (result: HealthResult) => `${result.check}: ${result.outcome} · ${result.detail}`;
  const criticalFailures = failing.filter((r) => r.severity === 'critical').map(line);
  return {
    passed: criticalFailures.length === 0,
    results,
    criticalFailures,
    warnings: failing.filter((r) => r.severity === 'warning').map(line),
  };
}
