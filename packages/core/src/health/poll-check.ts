// One check from first attempt to verdict: initial delay, attempts every interval, success
// after successThreshold consecutive passes, failure after failureThreshold consecutive
// misses or when the deadline passes. Waits only through ctx.clock (tests finish instantly).
import type { HealthCheckConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import type { HealthResult } from '../events.js';
import { healthCheckFor } from './health-check-kinds.js';
import type { AttemptResult } from './health-check.js';

export interface PollInput {
  ctx: CoreContext;
  version: string;
  phase: 'deploy' | 'rollback';
  cwd: string;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export async function pollCheck(config: HealthCheckConfig, input: PollInput): Promise<HealthResult> {
  const { ctx, signal } = input;
  const check = healthCheckFor(config);
  const base = {
    check: config.name,
    kind: config.kind,
    severity: config.severity,
    target: check.target(config, input.version),
    phase: input.phase,
  };
  const report = (attempt: number, result: AttemptResult, final: boolean, detail = result.detail): HealthResult => {
    const event: HealthResult = { ...base, outcome: result.outcome, final, attempt, latencyMs: result.latencyMs, observed: result.observed, detail };
    ctx.emit({ type: 'health.result', result: event });
    return event;
  };

  if (config.initialDelaySeconds > 0) await ctx.clock.sleep(config.initialDelaySeconds * 1000, signal);
  // the deadline counts from the first attempt: the initial delay is time the service is given to start
  const deadline = ctx.clock.now().getTime() + config.deadlineSeconds * 1000;
  let passes = 0;
  let misses = 0;
  for (let attempt = 1; ; attempt += 1) {
    const attemptStart = ctx.clock.now().getTime();
    const remaining = deadline - attemptStart;
    const timeoutMs = Math.max(1, Math.min(config.timeoutSeconds * 1000, remaining));
    const result = await check.attempt({ config, ctx, version: input.version, timeoutMs, cwd: input.cwd, ...(signal ? { signal } : {}) });
    signal?.throwIfAborted();
    report(attempt, result, false);
    passes = result.outcome === 'pass' ? passes + 1 : 0;
    misses = result.outcome === 'pass' ? 0 : misses + 1;
    const isDecided = passes >= Math.max(1, config.successThreshold) || misses >= Math.max(1, config.failureThreshold);
    const nextAttemptAt = attemptStart + config.intervalSeconds * 1000;
    // a miss that is retried is not a failure yet: the log says so (a person reads "fail" as final)
    const outcome = result.outcome !== 'pass' && !isDecided && nextAttemptAt < deadline ? `${result.outcome}, retrying in ${config.intervalSeconds} s` : result.outcome;
    input.log?.(`${config.name} attempt ${attempt}: ${outcome} · ${result.observed} · ${result.detail}`);

    if (passes >= Math.max(1, config.successThreshold)) return finish(attempt, result, `${result.detail}${passesNote(attempt, config)}`);
    if (misses >= Math.max(1, config.failureThreshold)) return finish(attempt, result, `${result.detail}${missesNote(misses)}`);
    // the next attempt would start at or after the deadline: decide now instead of waiting for it
    if (nextAttemptAt >= deadline) return finish(attempt, deadlineResult(result), deadlineDetail(result, config, passes, attempt));
    await ctx.clock.sleep(Math.max(0, nextAttemptAt - ctx.clock.now().getTime()), signal);
  }

  function finish(attempt: number, result: AttemptResult, detail: string): HealthResult {
    const critical = config.severity === 'critical';
    const final = critical && result.outcome === 'unknown' ? `${detail} — a critical check that cannot be measured fails the release` : detail;
    const event = report(attempt, result, true, final);
    input.log?.(`${config.name}: ${result.outcome} after ${attempt} attempt(s) · ${final}`);
    return event;
  }
}

function passesNote(attempt: number, config: HealthCheckConfig): string {
  return config.successThreshold > 1 ? ` (${config.successThreshold} consecutive passes, ${attempt} attempts)` : '';
}

function missesNote(misses: number): string {
  return misses > 1 ? ` (${misses} consecutive)` : '';
}

/** At the deadline a check that was passing but not yet stably is "measured bad", not good. */
function deadlineResult(last: AttemptResult): AttemptResult {
  return last.outcome === 'pass' ? { ...last, outcome: 'fail' } : last;
}

function deadlineDetail(last: AttemptResult, config: HealthCheckConfig, passes: number, attempts: number): string {
  const reached = `${passes}/${config.successThreshold} consecutive passes`;
  return `deadline of ${config.deadlineSeconds} s passed after ${attempts} attempt(s) with ${reached}; last: ${last.detail}`;
}
