import { describe, expect, it } from 'vitest';
import type { HealthResult } from '../events.js';
import { formatHealthTable } from './format-health-table.js';

const result = (overrides: Partial<HealthResult>): HealthResult => ({
  check: 'api',
  kind: 'http',
  severity: 'critical',
  outcome: 'pass',
  final: true,
  attempt: 1,
  latencyMs: 12,
  observed: '200',
  detail: 'status 200 in 12 ms',
  target: 'GET http://app/health',
  phase: 'deploy',
  ...overrides,
});

describe('formatHealthTable', () => {
  it('prints one aligned row per check with outcome, observed value, latency and detail', () => {
    const table = formatHealthTable([
      result({}),
      result({ check: 'db', kind: 'tcp', outcome: 'unknown', observed: 'connection refused', latencyMs: null, detail: 'could not connect' }),
      result({ check: 'cdn', severity: 'warning', outcome: 'fail', observed: '404', detail: 'status 404, expected 200' }),
    ]);
    expect(table.split('\n')).toEqual([
      'CHECK          KIND  OUTCOME  OBSERVED            LATENCY  DETAIL',
      '-------------  ----  -------  ------------------  -------  ------------------------',
      'api            http  PASS     200                 12 ms    status 200 in 12 ms',
      'db             tcp   UNKNOWN  connection refused  -        could not connect',
      'cdn (warning)  http  FAIL     404                 12 ms    status 404, expected 200',
    ]);
  });

  it('keeps long details on one line, shortened', () => {
    const table = formatHealthTable([result({ detail: `line one\n${'x'.repeat(100)}` })]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('line one xxx');
    expect(table.split('\n')[2]!.endsWith('...')).toBe(true);
  });

  it('says so when there are no checks', () => {
    expect(formatHealthTable([])).toBe('no health checks');
  });
});
