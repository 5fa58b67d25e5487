import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../errors.js';
import { parseConfig } from './parse-config.js';

const checksOf = (items: string) => parseConfig(`health:\n  checks:\n${items}`, { file: '.shipgate.yaml', defaultProject: 'app' }).health.checks;

function firstLine(items: string): string {
  try {
    checksOf(items);
  } catch (error) {
    if (error instanceof ShipgateError) return error.format().split('\n')[0]!;
    throw error;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

const TIMING = { timeoutSeconds: 5, intervalSeconds: 2, initialDelaySeconds: 0, successThreshold: 1, failureThreshold: 3, deadlineSeconds: 45, severity: 'critical' };

describe('health checks: kinds', () => {
  it('makes an entry with a url an http check with the defaults', () => {
    expect(checksOf('    - { name: api, url: "http://127.0.0.1:4401/health" }\n')).toEqual([
      { kind: 'http', name: 'api', url: 'http://127.0.0.1:4401/health', method: 'GET', headers: {}, expectStatus: [200], ...TIMING },
    ]);
  });

  it('makes tcp: host:port and host + port tcp checks', () => {
    expect(checksOf('    - { name: db, tcp: "db.internal:5432" }\n    - { name: cache, host: "::1", port: 6379 }\n    - { name: v6, tcp: "[::1]:11211" }\n')).toEqual([
      { kind: 'tcp', name: 'db', host: 'db.internal', port: 5432, ...TIMING },
      { kind: 'tcp', name: 'cache', host: '::1', port: 6379, ...TIMING },
      { kind: 'tcp', name: 'v6', host: '::1', port: 11211, ...TIMING },
    ]);
  });

  it('makes an entry with a command a command check', () => {
    expect(checksOf('    - name: redis\n      command: redis-cli ping\n      expectOutput: PONG\n')).toEqual([
      { kind: 'command', name: 'redis', command: 'redis-cli ping', expectOutput: 'PONG', ...TIMING },
    ]);
  });

  it('accepts an explicit kind', () => {
    expect(checksOf('    - { name: db, kind: tcp, host: db, port: 5432 }\n')[0]).toMatchObject({ kind: 'tcp' });
    expect(firstLine('    - { name: db, kind: socket, host: db, port: 5432 }\n')).toBe('.shipgate.yaml:3:25 health.checks[0].kind: unknown check kind "socket" (known: http, tcp, command)');
  });

  it('refuses an entry that names two kinds, or none', () => {
    expect(firstLine('    - { name: x, url: "http://a/", command: "true" }\n')).toBe('.shipgate.yaml:3:7 health.checks[0]: a check is one kind, this one names http (url) and command (command)');
    expect(firstLine('    - { name: x }\n')).toBe('.shipgate.yaml:3:7 health.checks[0]: cannot tell what to check');
  });

  it('names a setting that belongs to another kind', () => {
    expect(firstLine('    - { name: db, tcp: "db:5432", method: HEAD }\n')).toBe('.shipgate.yaml:3:35 health.checks[0].method: "method" applies to http checks, not tcp checks');
    expect(firstLine('    - { name: db, kind: http, url: "http://a/", command: ls }\n')).toMatch(/"command" applies to command checks, not http checks/);
  });
});

describe('health checks: http settings', () => {
  it('reads every http setting', () => {
    const [check] = checksOf(`    - name: version-live
      url: https://acme.example/api/version?v={{version}}
      method: head
      headers: { Accept: application/json, X-Probe: 1 }
      body: ""
      expectStatus: [200, "204", "300-399", 4XX]
      bodyMatches: '"status":\\s*"ok"'
      bodyNotMatches: maintenance
      json: { version: "{{version}}", "checks.db": true, degraded: null, replicas: 3 }
      maxLatencyMs: 750
      components: [database, cache]
      timeout: 2s
      interval: 500ms
      initialDelay: 10s
      successThreshold: 2
      failureThreshold: 5
      deadline: 2m
      severity: warning
`);
    expect(check).toEqual({
      kind: 'http',
      name: 'version-live',
      url: 'https://acme.example/api/version?v={{version}}',
      method: 'HEAD',
      headers: { Accept: 'application/json', 'X-Probe': '1' },
      body: '',
      expectStatus: [200, 204, '300-399', '4xx'],
      bodyMatches: '"status":\\s*"ok"',
      bodyNotMatches: 'maintenance',
      json: { version: '{{version}}', 'checks.db': true, degraded: null, replicas: 3 },
      maxLatencyMs: 750,
      components: ['database', 'cache'],
      timeoutSeconds: 2,
      intervalSeconds: 0.5,
      initialDelaySeconds: 10,
      successThreshold: 2,
      failureThreshold: 5,
      deadlineSeconds: 120,
      severity: 'warning',
    });
  });

  it('takes maxLatencyMs as a duration too', () => {
    expect(checksOf('    - { name: a, url: "http://a/", maxLatencyMs: 1.5s }\n')[0]).toMatchObject({ maxLatencyMs: 1500 });
  });

  it('refuses bad URLs, statuses and patterns', () => {
    expect(firstLine('    - { name: a, url: "localhost:4401/health" }\n')).toBe('.shipgate.yaml:3:23 health.checks[0].url: expected an http(s) URL, found "localhost:4401/health"');
    expect(firstLine('    - { name: a, url: "ftp://a/" }\n')).toMatch(/expected an http\(s\) URL, found "ftp:\/\/a\/"/);
    expect(firstLine('    - { name: a, url: "http://a/", expectStatus: [200, 700] }\n')).toBe(
      '.shipgate.yaml:3:56 health.checks[0].expectStatus[1]: expected an HTTP status (200), a range ("200-299") or a class ("2xx"), found 700',
    );
    expect(firstLine('    - { name: a, url: "http://a/", expectStatus: "299-200" }\n')).toMatch(/expectStatus: expected an HTTP status/);
    expect(firstLine('    - { name: a, url: "http://a/", bodyMatches: "(" }\n')).toMatch(/bodyMatches: invalid regular expression/);
    // and says what to do
    expect(() => checksOf('    - { name: a, url: "http://a/", bodyMatches: "(" }\n')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('a backslash before ( ) [ ] { } . * + ? matches it literally') }),
    );
  });
});

describe('health checks: timing and names', () => {
  it('refuses negative or zero durations and thresholds', () => {
    expect(firstLine('    - { name: a, url: "http://a/", timeout: -1 }\n')).toMatch(/^\.shipgate\.yaml:3:45 health\.checks\[0\]\.timeout: expected a positive duration .*found -1$/);
    expect(firstLine('    - { name: a, url: "http://a/", interval: 0 }\n')).toMatch(/interval: expected a positive duration/);
    expect(firstLine('    - { name: a, url: "http://a/", failureThreshold: 0 }\n')).toMatch(/failureThreshold: expected a whole number at least 1, found 0$/);
    expect(firstLine('    - { name: a, url: "http://a/", successThreshold: 1.5 }\n')).toMatch(/expected a whole number at least 1, found 1.5$/);
    expect(firstLine('    - { name: a, url: "http://a/", deadline: fast }\n')).toMatch(/deadline: expected a positive duration .*, found "fast"$/);
  });

  it('allows a zero initial delay but not a deadline shorter than one attempt', () => {
    expect(checksOf('    - { name: a, url: "http://a/", initialDelay: 0 }\n')[0]).toMatchObject({ initialDelaySeconds: 0 });
    expect(firstLine('    - { name: a, url: "http://a/", deadline: 3s }\n')).toBe(
      ".shipgate.yaml:3:46 health.checks[0].deadline: the deadline (3 s) is shorter than one attempt's timeout (5 s)",
    );
  });

  it('keeps a failing check within the 60 s promise by default', () => {
    const [check] = checksOf('    - { name: a, url: "http://a/" }\n');
    expect(check!.initialDelaySeconds + check!.deadlineSeconds + check!.timeoutSeconds).toBeLessThanOrEqual(60);
  });

  it('requires a unique name for every check', () => {
    expect(firstLine('    - { url: "http://a/" }\n')).toBe('.shipgate.yaml:3:7 health.checks[0].name: required for every check: a unique name, e.g. api-health');
    expect(firstLine('    - { name: api, url: "http://a/" }\n    - { name: api, tcp: "a:1" }\n')).toBe(
      '.shipgate.yaml:4:15 health.checks[1].name: duplicate check name "api" (also health.checks[0])',
    );
  });

  it('refuses a list of something else', () => {
    expect(firstLine('    - http://a/\n')).toMatch(/health\.checks\[0\]: expected a map of settings, found "http:\/\/a\/"/);
    expect(firstLine('    -\n')).toMatch(/health\.checks\[0\]: expected a check: a map with a name/);
  });
});
