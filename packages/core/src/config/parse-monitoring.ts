// `monitoring:` — windows, thresholds, the metric source and what a breach does. The source
// defaults to the first http health check's origin + /metrics (or productionUrl's).
import type { HealthCheckConfig, MonitoringConfig, MonitoringThresholds } from './config-types.js';
import { DEFAULTS } from './config-defaults.js';
import { CONFIG_KEYS } from './config-keys.js';
import { booleanOr, durationOr, enumOr, numberOr, optionalNumber, optionalString, optionalUrl } from './read-values.js';
import type { YamlField } from './yaml-field.js';
import { YamlMap } from './yaml-map.js';

export interface MonitoringContext {
  checks: HealthCheckConfig[];
  productionUrl: string | undefined;
}

export function parseMonitoring(f: YamlField, context: MonitoringContext): MonitoringConfig {
  const d = DEFAULTS.monitoring;
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.monitoring);
  const enabled = booleanOr(m.get('enabled'), d.enabled);
  const windowSeconds = durationOr(m, 'window', d.windowSeconds);
  const intervalSeconds = durationOr(m, 'interval', d.intervalSeconds);
  if (intervalSeconds > windowSeconds) {
    (m.has('intervalSeconds') ? m.get('intervalSeconds') : m.get('interval')).fail(
      `the evaluation interval (${intervalSeconds} s) is longer than the window (${windowSeconds} s)`,
      'make the interval a fraction of the window, e.g. window: 15m, interval: 30s',
    );
  }
  return {
    enabled,
    windowSeconds,
    baselineSeconds: durationOr(m, 'baseline', d.baselineSeconds),
    warmupSeconds: durationOr(m, 'warmup', d.warmupSeconds, { allowZero: true }),
    intervalSeconds,
    thresholds: parseThresholds(m.get('thresholds')),
    source: parseSource(m.get('source'), enabled ? m.get('enabled') : null, context),
    onBreach: enumOr(m.get('onBreach'), ['rollback', 'alert'], d.onBreach, 'onBreach action'),
    onInconclusive: enumOr(m.get('onInconclusive'), ['pass', 'alert', 'rollback'], d.onInconclusive, 'onInconclusive action'),
    failAfter: numberOr(m.get('failAfter'), d.failAfter, { integer: true, min: 1 }),
    maxSourceErrors: numberOr(m.get('maxSourceErrors'), d.maxSourceErrors, { integer: true, min: 1 }),
  };
}

function parseThresholds(f: YamlField): MonitoringThresholds {
  const d = DEFAULTS.monitoring.thresholds;
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.thresholds);
  return {
    errorRateIncrease: numberOr(m.get('errorRateIncrease'), d.errorRateIncrease, { min: 0, max: 100 }),
    latencyDegradation: readFraction(m.get('latencyDegradation'), d.latencyDegradation, { allowAboveOne: true }),
    errorRateCeiling: readFraction(m.get('errorRateCeiling'), d.errorRateCeiling, {}),
    minRequests: numberOr(m.get('minRequests'), d.minRequests, { integer: true, min: 0 }),
  };
}

/** A fraction (0.10) or a percentage string ("10%"), greater than 0. */
function readFraction(f: YamlField, fallback: number, options: { allowAboveOne?: boolean }): number {
  const value = f.scalar;
  const percent = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  const fraction = percent ? Number(percent[1]) / 100 : typeof value === 'string' ? NaN : optionalNumber(f);
  if (fraction === undefined) return fallback;
  const ok = Number.isFinite(fraction) && fraction > 0 && (options.allowAboveOne || fraction <= 1);
  return ok ? fraction : f.expected(`a fraction such as 0.1 or a percentage such as "10%"${options.allowAboveOne ? '' : ', at most 1'}`);
}

function parseSource(f: YamlField, enabledAt: YamlField | null, context: MonitoringContext): MonitoringConfig['source'] {
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.source);
  const kind = enumOr(m.get('kind'), ['scrape', 'prometheus'], 'scrape', 'metric source');
  if (kind === 'scrape') {
    const query = ['errorRateQuery', 'latencyQuery', 'requestsQuery'].find((key) => m.has(key));
    if (query) m.get(query).fail(`"${query}" applies to the prometheus source, not scrape`, 'set source.kind: prometheus, or remove it');
    const url = optionalUrl(m.get('url')) ?? derivedMetricsUrl(context);
    if (url) return { kind, url };
    if (enabledAt) {
      const hint = 'set monitoring.source.url to the /metrics URL of production, or add an http health check on the same host';
      f.fail('monitoring is enabled but has no metrics source', hint, enabledAt.node);
    }
    // Monitoring is off and nothing names a host: the url is never read.
    return { kind, url: '' };
  }
  const url = optionalUrl(m.get('url')) ?? m.get('url').fail('required for the prometheus source: the Prometheus server URL, e.g. "http://127.0.0.1:9090"');
  const queries = (['errorRateQuery', 'latencyQuery', 'requestsQuery'] as const).flatMap((key) => {
    const query = optionalString(m.get(key));
    return query === undefined ? [] : [[key, query] as const];
  });
  return { kind, url: url.replace(/\/+$/, ''), ...Object.fromEntries(queries) };
}

function derivedMetricsUrl(context: MonitoringContext): string | undefined {
  const http = context.checks.find((check) => check.kind === 'http');
  const base = http?.url ?? context.productionUrl;
  return base === undefined ? undefined : `${new URL(base).origin}/metrics`;
}
