import type { WindowStats, MetricSource } from '../../monitoring/metric-source.js';
import { createMetricSource } from '../../monitoring/metric-sources.js';
import { sliceSecondsFor } from '../../monitoring/look-level.js';
import { measureBaseline } from '../../monitoring/measure-baseline.js';
import { monitoringChartSvg } from '../../monitoring/monitoring-chart-svg.js';
import { watchProduction } from '../../monitoring/watch-production.js';
import type { MonitorSample } from '../../events.js';
import { ShipgateError } from '../../errors.js';
import type { ReleaseRun } from '../release-run.js';
import { shownUrl } from '../../shown-url.js';

export interface PreparedMonitoring {
  source: MetricSource;
  baseline: WindowStats;
  samples: MonitorSample[];
  chart(): string | null;
}

/** Measures the pre-deploy baseline (called inside the deploy step, before production changes). */
export async function prepareMonitoring(run: ReleaseRun): Promise<PreparedMonitoring> {
  const config = run.config.monitoring;
  const source = createMetricSource(run.ctx, config.source);
  const from = run.ctx.clock.now();
  const until = new Date(from.getTime() + (source.keepsHistory ? 0 : config.baselineSeconds * 1000));
  if (!source.keepsHistory) {
    // the dashboard shows the baseline as its own phase, with its countdown
    run.ctx.emit({ type: 'monitor.baseline', startedAt: from.toISOString(), endsAt: until.toISOString(), seconds: config.baselineSeconds });
    run.log('deploy', `measuring the baseline from ${shownUrl(config.source.url)} for ${config.baselineSeconds} s (until ${until.toISOString()}) before deploying`);
  }
  const baseline = await measureBaseline({
    ctx: run.ctx,
    source,
    seconds: config.baselineSeconds,
    sliceSeconds: sliceSecondsFor(config.intervalSeconds),
    log: (line, stream) => run.log('deploy', line, stream),
    ...(run.ctx.signal ? { signal: run.ctx.signal } : {}),
  });
  run.log('deploy', `baseline: ${baseline.requests} requests, ${baseline.errors} errors, p95 ${baseline.p95Ms === null ? 'unknown' : `${Math.round(baseline.p95Ms)} ms`}`);
  const prepared: PreparedMonitoring = {
    source,
    baseline,
    samples: [],
    chart: () => (prepared.samples.length ? monitoringChartSvg(prepared.samples) : null),
  };
  return prepared;
}

/** Watches production; throws MONITOR_FAILED on a breach (or an undecided end, with onInconclusive: rollback) that must roll back. */
export async function monitorStep(run: ReleaseRun, monitoring: PreparedMonitoring): Promise<void> {
  const config = run.config.monitoring;
  await run.setStatus('monitoring', { reason: `watching production for ${Math.round(config.windowSeconds / 60)} min` });
  const deployedAt = run.journal.deployedAt ? new Date(run.journal.deployedAt) : run.ctx.clock.now();
  await run.step('monitor', `Watch production until ${new Date(deployedAt.getTime() + config.windowSeconds * 1000).toISOString()}`, async () => {
    const result = await watchProduction({
      config,
      ctx: run.ctx,
      source: monitoring.source,
      baseline: monitoring.baseline,
      deployedAt,
      failAfter: config.failAfter,
      maxSourceErrors: config.maxSourceErrors,
      log: (line, stream) => run.log('monitor', line, stream),
      ...(run.ctx.signal ? { signal: run.ctx.signal } : {}),
    });
    monitoring.samples.push(...result.samples);
    if (result.verdict === 'FAIL') {
      if (config.onBreach === 'rollback') throw new ShipgateError('MONITOR_FAILED', `monitoring verdict FAIL: ${result.reason}`);
      run.log('monitor', `monitoring verdict FAIL (alert only, no rollback): ${result.reason}`, 'warn');
    }
    if ((result.verdict === 'INCONCLUSIVE' || result.verdict === 'NO_DATA') && config.onInconclusive === 'rollback') {
      throw new ShipgateError('MONITOR_FAILED', `monitoring verdict ${result.verdict} and onInconclusive is rollback: ${result.reason}`);
    }
    return { detail: `${result.verdict}: ${result.reason}` };
  });
}
