import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpecGates } from './read-spec-gates.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const VARIANT_A = fixture('variant-a.state.yaml');
const VARIANT_C = fixture('variant-c.state.yaml');
const file = 'specs/001-checkout-redesign/state.yaml';
const gates = (text: string | null, enabled: { stagingValidation?: boolean; rollback?: boolean } = {}) =>
  readSpecGates(text, { file, stagingValidation: enabled.stagingValidation ?? true, rollback: enabled.rollback ?? true });
const byId = (text: string | null) => Object.fromEntries(gates(text).map((gate) => [gate.id, gate]));

describe('readSpecGates: the main Spec-Flow shape (variant A)', () => {
  it('passes both gates with who and when as evidence', () => {
    expect(gates(VARIANT_A)).toEqual([
      {
        id: 'staging-validation',
        title: 'Staging validation approved',
        status: 'pass',
        detail: 'approved by Jane Smith at 2026-11-20T14:55:00Z',
        evidence: { file, field: 'workflow.manual_gates.staging_validation.status', value: 'approved', by: 'Jane Smith', at: '2026-11-20T14:55:00Z' },
      },
      {
        id: 'rollback',
        title: 'Rollback tested on staging',
        status: 'pass',
        detail: 'rollback_capability passed at 2026-11-20T14:50:12Z',
        evidence: { file, field: 'quality_gates.rollback_capability.passed', value: true, at: '2026-11-20T14:50:12Z' },
      },
    ]);
  });

  it('fails a pending staging validation, showing the status', () => {
    const { 'staging-validation': staging } = byId(VARIANT_A.replace('status: approved', 'status: pending'));
    expect(staging!.status).toBe('fail');
    expect(staging!.detail).toMatch(/^staging validation is pending, not approved \(workflow\.manual_gates\.staging_validation\.status in specs\/001-checkout-redesign\/state\.yaml\)/);
    expect(staging!.evidence).toMatchObject({ field: 'workflow.manual_gates.staging_validation.status', value: 'pending' });
  });

  it('fails a rollback drill that did not pass', () => {
    const { rollback } = byId(VARIANT_A.replace('passed: true', 'passed: false'));
    expect(rollback!.status).toBe('fail');
    expect(rollback!.detail).toMatch(/^rollback gate not passed: quality_gates\.rollback_capability\.passed is false in specs\/001-checkout-redesign\/state\.yaml/);
  });
});

describe('readSpecGates: the skill spelling (variant C) and the other spellings', () => {
  it('passes variant C', () => {
    const result = byId(VARIANT_C);
    expect(result['staging-validation']).toMatchObject({
      status: 'pass',
      detail: 'approved by Jane Smith at 2026-11-20T14:55:00Z',
      evidence: { field: 'manual_gates.staging_validation.status', by: 'Jane Smith', at: '2026-11-20T14:55:00Z' },
    });
    expect(result.rollback).toMatchObject({ status: 'pass', detail: 'rollback passed', evidence: { field: 'quality_gates.rollback.status', value: 'passed' } });
  });

  it('fails variant C with a failed rollback status', () => {
    expect(byId(VARIANT_C.replace('status: passed', 'status: failed')).rollback).toMatchObject({ status: 'fail', evidence: { value: 'failed' } });
  });

  it('reads approver / timestamp and rollback_tested', () => {
    const text = 'manual_gates:\n  staging_validation:\n    status: Approved\n    approver: Ola Nordmann\n    timestamp: 2026-11-21T09:00:00Z\n    rollback_tested: true\n';
    const result = byId(text);
    expect(result['staging-validation']!.detail).toBe('approved by Ola Nordmann at 2026-11-21T09:00:00Z');
    expect(result.rollback).toMatchObject({
      status: 'pass',
      detail: 'rollback tested during staging validation by Ola Nordmann at 2026-11-21T09:00:00Z',
      evidence: { field: 'manual_gates.staging_validation.rollback_tested', value: true },
    });
  });

  it('lets the first spelling found win', () => {
    const text = `workflow:
  manual_gates:
    staging_validation: { status: pending }
manual_gates:
  staging_validation: { status: approved }
quality_gates:
  rollback_capability: { passed: false }
  rollback: { status: passed }
`;
    const result = byId(text);
    expect(result['staging-validation']).toMatchObject({ status: 'fail', evidence: { field: 'workflow.manual_gates.staging_validation.status' } });
    expect(result.rollback).toMatchObject({ status: 'fail', evidence: { field: 'quality_gates.rollback_capability.passed' } });
  });

  it('prints dates of YAML 1.1 files as the ISO text they were written as', () => {
    const text = '%YAML 1.1\n---\nmanual_gates:\n  staging_validation:\n    status: approved\n    approved_by: Jane\n    approved_at: 2026-11-20T14:55:00Z\n';
    expect(byId(text)['staging-validation']!.detail).toBe('approved by Jane at 2026-11-20T14:55:00Z');
  });
});

describe('readSpecGates: missing, unparsable, incomplete', () => {
  it('fails both gates when state.yaml is missing, saying what to run', () => {
    const result = byId(null);
    expect(result['staging-validation']).toMatchObject({ status: 'fail', evidence: { file } });
    expect(result['staging-validation']!.detail).toBe(`${file} not found: run /validate-staging to validate staging and approve it`);
    expect(result.rollback!.detail).toMatch(new RegExp(`^${file} not found: run the rollback drill on staging`));
  });

  it('fails with file:line:column when the YAML does not parse', () => {
    const result = byId('workflow:\n  phase: "ship\n  status: [a\n');
    expect(result['staging-validation']!.status).toBe('fail');
    expect(result['staging-validation']!.detail).toMatch(new RegExp(`^${file}:\\d+:\\d+ cannot be parsed \\(.+\\)`));
    expect(result.rollback!.status).toBe('fail');
  });

  it('names the missing fields and their accepted spellings', () => {
    const result = byId('feature:\n  slug: 001-checkout-redesign\n');
    expect(result['staging-validation']!.detail).toBe(
      `${file} has no staging validation status: expected workflow.manual_gates.staging_validation.status or manual_gates.staging_validation.status (approved), written by /validate-staging`,
    );
    expect(result.rollback!.detail).toMatch(
      /has no rollback gate field: expected one of quality_gates\.rollback_capability\.passed: true, quality_gates\.rollback\.status: passed, workflow\.manual_gates\.staging_validation\.rollback_tested: true, manual_gates\.staging_validation\.rollback_tested: true/,
    );
    expect(gates('').every((gate) => gate.status === 'fail')).toBe(true);
  });

  it('skips a gate disabled in the config without reading anything', () => {
    const result = readSpecGates(null, { file, stagingValidation: false, rollback: true });
    expect(result[0]).toEqual({ id: 'staging-validation', title: 'Staging validation approved', status: 'skip', detail: 'skipped: gates.stagingValidation is false in the Shipgate config' });
    expect(result[1]!.status).toBe('fail');
    expect(readSpecGates('{', { file, stagingValidation: false, rollback: false }).map((gate) => gate.status)).toEqual(['skip', 'skip']);
  });
});

describe('readSpecGates: YAML anchors, aliases and merge keys', () => {
  const shared = [
    'approvals:',
    '  jane: &jane {status: approved, approved_by: Jane Smith, approved_at: 2026-11-20T14:55:00Z}',
    '  drill: &drill',
    '    passed: true',
    '    timestamp: 2026-11-20T14:50:12Z',
  ].join('\n');

  it('follows an alias to the approval and the drill', () => {
    const text = `${shared}\nworkflow:\n  manual_gates:\n    staging_validation: *jane\nquality_gates:\n  rollback_capability: *drill\n`;
    expect(gates(text).map((gate) => [gate.status, gate.detail])).toEqual([
      ['pass', 'approved by Jane Smith at 2026-11-20T14:55:00Z'],
      ['pass', 'rollback_capability passed at 2026-11-20T14:50:12Z'],
    ]);
  });

  it('reads merged keys, and a key written beside the merge wins over the merged one', () => {
    const text = [
      shared,
      'workflow:',
      '  manual_gates:',
      '    staging_validation:',
      '      <<: *jane',
      '      approved_by: Ana Lima',
      'quality_gates:',
      '  rollback_capability:',
      '    <<: [*drill]',
      '',
    ].join('\n');
    const { 'staging-validation': staging, rollback } = byId(text);
    expect(staging).toMatchObject({ status: 'pass', detail: 'approved by Ana Lima at 2026-11-20T14:55:00Z' });
    expect(rollback).toMatchObject({ status: 'pass', detail: 'rollback_capability passed at 2026-11-20T14:50:12Z' });
  });

  it('a merged pending status still blocks', () => {
    const text = `${shared.replace('status: approved', 'status: pending')}\nworkflow:\n  manual_gates:\n    staging_validation:\n      <<: *jane\nquality_gates:\n  rollback_capability: *drill\n`;
    expect(byId(text)['staging-validation']!.status).toBe('fail');
  });
});
