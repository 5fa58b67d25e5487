import { describe, expect, it } from 'vitest';
import { assessHealthJson, verdictOf } from './health-json.js';
import { parseJsonPath, readJsonPath } from './json-path.js';
import { matchesStatus, parseStatusSpec } from './status-matcher.js';
import { templateVersion, templateVersionPattern } from './template-version.js';

describe('status matcher', () => {
  it('understands numbers, numeric strings, classes and inclusive ranges', () => {
    expect(parseStatusSpec(200)).toEqual({ low: 200, high: 200 });
    expect(parseStatusSpec('3XX')).toEqual({ low: 300, high: 399 });
    expect(parseStatusSpec('200 - 204')).toEqual({ low: 200, high: 204 });
    expect(matchesStatus(['200-204'], 204)).toBe(true);
    expect(matchesStatus(['200-204'], 205)).toBe(false);
    expect(() => parseStatusSpec('299-200')).toThrow(/not an HTTP status/);
    expect(() => parseStatusSpec(600)).toThrow(/not an HTTP status/);
  });
});

describe('json path', () => {
  it('reads dotted names, array indexes and quoted keys', () => {
    const doc = { a: { b: [{ c: 'x' }] }, checks: { 'db:up': [{ status: 'pass' }] } };
    expect(readJsonPath(doc, 'a.b[0].c')).toBe('x');
    expect(readJsonPath(doc, 'checks["db:up"][0].status')).toBe('pass');
    expect(readJsonPath(doc, 'a.b[3].c')).toBeUndefined();
    expect(readJsonPath(doc, 'a.b.c.d')).toBeUndefined();
    expect(parseJsonPath("x['y z']")).toEqual(['x', 'y z']);
    expect(() => parseJsonPath('a[')).toThrow(/not a JSON path/);
  });
});

describe('version templating', () => {
  it('replaces every {{version}} and escapes it inside patterns', () => {
    expect(templateVersion('v{{version}}/{{ version }}', '1.2.3')).toBe('v1.2.3/1.2.3');
    expect(new RegExp(templateVersionPattern('^{{version}}$', '1.2.3')).test('1x2x3')).toBe(false);
    expect(templateVersion('$& {{version}}', '$1')).toBe('$& $1');
  });
});

describe('health+json', () => {
  it('maps pass/ok/up to good, warn to warn, anything else to bad', () => {
    expect(['pass', 'OK', 'up', 'warn', 'fail', 'down', undefined].map(verdictOf)).toEqual(['good', 'good', 'good', 'warn', 'bad', 'bad', 'bad']);
  });

  it('reports failing components even when they are not required, without failing the verdict', () => {
    const assessment = assessHealthJson({ status: 'pass', checks: { 'search:latency': [{ status: 'fail' }] } }, []);
    expect(assessment).toEqual({ verdict: 'good', status: 'pass', problems: ['search: fail'], warnings: [] });
  });

  it('treats a document without status as bad', () => {
    expect(assessHealthJson({}, []).verdict).toBe('bad');
  });
});
