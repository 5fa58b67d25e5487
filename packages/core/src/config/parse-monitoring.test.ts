import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../errors.js';
import { parseConfig } from './parse-config.js';

const parse = (text: string) => parseConfig(text, { file: '.shipgate.yaml', defaultProject: 'app' });
const monitoringOf = (text: string) => parse(text).monitoring;

function firstLine(text: string): string {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ShipgateError) return error.format().split('\n')[0]!;
    throw error;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

const HEALTH = 'health:\n  checks:\n    - { name: db, tcp: "db:5432" }\n    - { name: api, url: "https://acme.example:8443/api/health?deep=1" }\n';

describe('monitoring', () => {
  it('watches 15 minutes against a 15 minute baseline by default, scraping the first http check host', () => {
    expect(monitoringOf(`${HEALTH}monitoring:\n  enabled: true\n`)).toEqual({
      enabled: true,
      windowSeconds: 900,
      baselineSeconds: 900,
      warmupSeconds: 60,
      intervalSeconds: 30,
      thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.5, minRequests: 200 },
      source: { kind: 'scrape', url: 'https://acme.example:8443/metrics' },
      onBreach: 'rollback',
      onInconclusive: 'alert',
      failAfter: 2,
      maxSourceErrors: 3,
    });
  });

  it('falls back to productionUrl for the metrics source', () => {
    expect(monitoringOf('productionUrl: https://acme.example/shop\nmonitoring:\n  enabled: true\n').source).toEqual({ kind: 'scrape', url: 'https://acme.example/metrics' });
  });

  it('refuses to monitor with no source it can derive', () => {
    expect(firstLine('monitoring:\n  enabled: true\n')).toBe('.shipgate.yaml:2:12 monitoring.source: monitoring is enabled but has no metrics source');
  });

  it('reads durations, thresholds, the source and the breach action', () => {
    expect(
      monitoringOf(`monitoring:
  enabled: true
  window: 1m
  baseline: 90s
  warmup: 0
  interval: 5s
  thresholds:
    errorRateIncrease: 0.5
    latencyDegradation: 25%
    errorRateCeiling: 0.2
    minRequests: 50
  source:
    kind: prometheus
    url: http://127.0.0.1:9090/
    errorRateQuery: sum(rate(http_requests_total{status=~"5.."}[1m]))
  onBreach: alert
  onInconclusive: rollback
  failAfter: 3
  maxSourceErrors: 5
`),
    ).toEqual({
      enabled: true,
      windowSeconds: 60,
      baselineSeconds: 90,
      warmupSeconds: 0,
      intervalSeconds: 5,
      thresholds: { errorRateIncrease: 0.5, latencyDegradation: 0.25, errorRateCeiling: 0.2, minRequests: 50 },
      source: { kind: 'prometheus', url: 'http://127.0.0.1:9090', errorRateQuery: 'sum(rate(http_requests_total{status=~"5.."}[1m]))' },
      onBreach: 'alert',
      onInconclusive: 'rollback',
      failAfter: 3,
      maxSourceErrors: 5,
    });
  });

  it('accepts the …Seconds spelling of every duration', () => {
    const m = monitoringOf('monitoring:\n  windowSeconds: 120\n  baselineSeconds: 60\n  warmupSeconds: 10\n  intervalSeconds: 5\n');
    expect([m.windowSeconds, m.baselineSeconds, m.warmupSeconds, m.intervalSeconds]).toEqual([120, 60, 10, 5]);
  });

  it('uses an explicit scrape url', () => {
    expect(monitoringOf('monitoring:\n  enabled: true\n  source: { url: "http://127.0.0.1:4401/metrics" }\n').source).toEqual({ kind: 'scrape', url: 'http://127.0.0.1:4401/metrics' });
  });

  it('refuses impossible numbers', () => {
    expect(firstLine('monitoring:\n  window: 1m\n  interval: 5m\n')).toBe('.shipgate.yaml:3:13 monitoring.interval: the evaluation interval (300 s) is longer than the window (60 s)');
    expect(firstLine('monitoring:\n  thresholds: { errorRateIncrease: -1 }\n')).toBe(
      '.shipgate.yaml:2:36 monitoring.thresholds.errorRateIncrease: expected a number at least 0 and at most 100, found -1',
    );
    expect(firstLine('monitoring:\n  thresholds: { errorRateCeiling: 1.5 }\n')).toMatch(/errorRateCeiling: expected a fraction such as 0\.1 or a percentage such as "10%", at most 1, found 1\.5$/);
    expect(firstLine('monitoring:\n  thresholds: { minRequests: 12.5 }\n')).toMatch(/minRequests: expected a whole number at least 0, found 12\.5$/);
    expect(firstLine('monitoring:\n  onBreach: page\n')).toBe('.shipgate.yaml:2:13 monitoring.onBreach: unknown onBreach action "page" (known: rollback, alert)');
    expect(firstLine('monitoring:\n  onInconclusive: ignore\n')).toBe(
      '.shipgate.yaml:2:19 monitoring.onInconclusive: unknown onInconclusive action "ignore" (known: pass, alert, rollback)',
    );
  });

  it('refuses prometheus queries on a scrape source and a prometheus source without url', () => {
    expect(firstLine('monitoring:\n  source: { url: "http://a/metrics", latencyQuery: "x" }\n')).toMatch(/monitoring\.source\.latencyQuery: "latencyQuery" applies to the prometheus source, not scrape$/);
    expect(firstLine('monitoring:\n  source: { kind: prometheus }\n')).toMatch(/monitoring\.source\.url: required for the prometheus source/);
  });
});
