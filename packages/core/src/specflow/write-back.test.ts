import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ShipgateError } from '../errors.js';
import { readPhase } from './read-phase.js';
import { readSpecGates } from './read-spec-gates.js';
import { writeBackRelease, writeBackRollback } from './write-back.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const VARIANT_A = fixture('variant-a.state.yaml');
const VARIANT_C = fixture('variant-c.state.yaml');

const release = {
  version: '2.7.0',
  tag: 'v2.7.0',
  tagCreatedAt: '2026-11-26T10:00:00Z',
  deployedAt: '2026-11-26T10:01:30Z',
  commitSha: '3f2a9c1e0b7d4c2a9e8f1a2b3c4d5e6f7a8b9c0d',
  url: 'https://acme.example',
  shipReport: 'specs/001-checkout-redesign/production-ship-report.md',
};

describe('writeBackRelease on the main Spec-Flow shape', () => {
  const written = writeBackRelease(VARIANT_A, release);
  const state = parse(written);

  it('records the production deployment', () => {
    expect(state.deployment.production).toEqual({
      deployed: true,
      version: '2.7.0',
      tag: 'v2.7.0',
      tag_created_at: '2026-11-26T10:00:00Z',
      deployed_at: '2026-11-26T10:01:30Z',
      commit_sha: '3f2a9c1e0b7d4c2a9e8f1a2b3c4d5e6f7a8b9c0d',
      url: 'https://acme.example',
      ship_report: 'specs/001-checkout-redesign/production-ship-report.md',
    });
    expect(state.artifacts).toEqual({ ship_report: 'specs/001-checkout-redesign/production-ship-report.md' });
  });

  it('moves the phase to ship:ship-prod and completes it once, in the flow list', () => {
    expect(state.workflow.phase).toBe('ship:ship-prod');
    expect(readPhase(written)).toBe('ship:ship-prod');
    expect(written).toContain('  phase: "ship:ship-prod"\n');
    expect(written).toContain('  completed_phases: [spec, plan, tasks, implement, "ship:optimize", "ship:ship-staging", "ship:ship-prod"]\n');
  });

  it('keeps every other field, comment and key order', () => {
    expect(written).toContain('# Spec-Flow workflow state (kept by hand in this fixture)\n');
    expect(written).toContain('# rollback drill on staging');
    expect(state.feature).toEqual({ slug: '001-checkout-redesign', title: 'Checkout redesign' });
    expect(state.deployment.staging).toEqual({ deployed: true, url: 'https://staging.acme.example' });
    expect(Object.keys(state)).toEqual(['feature', 'deployment_model', 'workflow', 'quality_gates', 'deployment', 'artifacts']);
    expect(Object.keys(state.deployment)).toEqual(['staging', 'production']);
    // the gates read the same after the write-back
    expect(readSpecGates(written, { file: 'state.yaml', stagingValidation: true, rollback: true }).map((gate) => gate.status)).toEqual(['pass', 'pass']);
  });

  it('changes only what it writes: the original lines stay as they were', () => {
    const untouched = VARIANT_A.split('\n').filter((line) => !/phase:|completed_phases:/.test(line));
    for (const line of untouched) expect(written.split('\n')).toContain(line);
    // even the hand-aligned spacing before an inline comment
    expect(written).toContain('    passed: true   # rollback drill on staging\n');
  });

  it('gives the same text when run twice', () => {
    expect(writeBackRelease(written, release)).toBe(written);
  });

  it('records a GitHub Release url when given', () => {
    const withRelease = parse(writeBackRelease(VARIANT_A, { ...release, githubReleaseUrl: 'https://github.com/acme/web/releases/tag/v2.7.0' }));
    expect(withRelease.deployment.production.github_release_url).toBe('https://github.com/acme/web/releases/tag/v2.7.0');
  });

  it('updates an earlier production record in place', () => {
    const next = writeBackRelease(writeBackRelease(VARIANT_A, release), { ...release, version: '2.8.0', tag: 'v2.8.0' });
    const state2 = parse(next);
    expect(state2.deployment.production).toMatchObject({ version: '2.8.0', tag: 'v2.8.0' });
    expect(state2.workflow.completed_phases.filter((phase: string) => phase === 'ship:ship-prod')).toHaveLength(1);
  });
});

describe('writeBackRelease on other shapes', () => {
  it('writes the root phase spelling of the skill (variant C), idempotently', () => {
    const written = writeBackRelease(VARIANT_C, release);
    const state = parse(written);
    expect(written.startsWith('current_phase: ship:ship-prod\n')).toBe(true);
    expect(state.workflow).toBeUndefined();
    expect(state.completed_phases).toEqual(['ship:ship-prod']);
    expect(state.deployment.production.version).toBe('2.7.0');
    expect(state.manual_gates.staging_validation.validated_by).toBe('Jane Smith');
    expect(writeBackRelease(written, release)).toBe(written);
  });

  it('writes a root `phase:` where that is the spelling used', () => {
    const state = parse(writeBackRelease('phase: ship:validate-staging\n', release));
    expect(state.phase).toBe('ship:ship-prod');
    expect(state.workflow).toBeUndefined();
  });

  it('creates workflow.phase in a file that has no phase yet', () => {
    const written = writeBackRelease('feature:\n  slug: 002-x\n', release);
    expect(parse(written).workflow).toEqual({ phase: 'ship:ship-prod', completed_phases: ['ship:ship-prod'] });
    expect(writeBackRelease(written, release)).toBe(written);
    expect(parse(writeBackRelease('', release)).workflow.phase).toBe('ship:ship-prod');
  });

  it('fills empty keys and keeps a short flow list valid', () => {
    const written = writeBackRelease('workflow:\n  phase: plan\n  completed_phases: [spec, plan]\ndeployment:\nartifacts:\n', release);
    expect(written).toContain('completed_phases: [spec, plan, "ship:ship-prod"]');
    expect(parse(written).deployment.production.deployed).toBe(true);
    expect(parse(written).artifacts.ship_report).toBe(release.shipReport);
  });

  it('appends to a block list in the block style', () => {
    const written = writeBackRelease('workflow:\n  completed_phases:\n    - spec\n    - plan\n', release);
    expect(written).toContain('  completed_phases:\n    - spec\n    - plan\n    - ship:ship-prod\n');
  });

  it('keeps the file indentation', () => {
    const text = 'workflow:\n    phase: plan\n    completed_phases:\n        - spec\ndeployment:\n    staging:\n        deployed: true\n';
    const written = writeBackRelease(text, release);
    expect(written).toContain('workflow:\n    phase: ship:ship-prod\n    completed_phases:\n        - spec\n        - ship:ship-prod\n');
    expect(written).toContain('deployment:\n    staging:\n        deployed: true\n    production:\n        deployed: true\n');
  });

  it('keeps lists flush with their key when the file writes them so', () => {
    const text = 'workflow:\n  phase: plan\n  completed_phases:\n  - spec\n';
    expect(writeBackRelease(text, release)).toContain('  completed_phases:\n  - spec\n  - ship:ship-prod\n');
  });

  it('refuses to edit a shared YAML anchor through an alias, and says what to write instead', () => {
    const text = 'shared: &prod {deployed: false}\ndeployment:\n  production: *prod\n';
    expect(() => writeBackRelease(text, release)).toThrow(/deployment\.production is not a map but an alias \(\*prod\): .* write deployment\.production out as its own map/);
  });

  it('refuses to overwrite a field that is not a map, naming it', () => {
    try {
      writeBackRelease('deployment: none\n', { ...release, file: 'specs/001-x/state.yaml' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShipgateError);
      expect((error as ShipgateError).format().split('\n')[0]).toBe('specs/001-x/state.yaml:1:13 deployment: cannot update: deployment is not a map');
    }
    expect(() => writeBackRelease('a: [\n', release)).toThrow(/cannot update/);
  });
});

describe('writeBackRollback', () => {
  it('records the restored version and the move, idempotently', () => {
    const released = writeBackRelease(VARIANT_A, release);
    const rolledBack = writeBackRollback(released, { from: '2.7.0', to: '2.6.0', at: '2026-11-26T10:20:00Z' });
    expect(parse(rolledBack).deployment.production).toMatchObject({ version: '2.6.0', rollback_from: '2.7.0', rollback_to: '2.6.0', rollback_at: '2026-11-26T10:20:00Z' });
    expect(rolledBack).toContain('# rollback drill on staging');
    expect(writeBackRollback(rolledBack, { from: '2.7.0', to: '2.6.0', at: '2026-11-26T10:20:00Z' })).toBe(rolledBack);
  });

  it('points tag and commit_sha at the restored release, so the record describes one release', () => {
    const released = writeBackRelease(VARIANT_A, release);
    const rolledBack = writeBackRollback(released, { from: '2.7.0', to: '2.6.0', at: 'now', tag: 'v2.6.0', commitSha: 'b'.repeat(40) });
    expect(parse(rolledBack).deployment.production).toMatchObject({ version: '2.6.0', tag: 'v2.6.0', commit_sha: 'b'.repeat(40), rollback_from: '2.7.0' });
  });

  it('keeps nothing of the rolled-back release: deployed_at is the rollback, the tag date is the restored tag\'s or gone', () => {
    const released = writeBackRelease(VARIANT_A, { ...release, githubReleaseUrl: 'https://github.com/acme/web/releases/tag/v2.7.0' });
    const dated = parse(writeBackRollback(released, { from: '2.7.0', to: '2.6.0', at: '2026-11-26T11:00:00Z', tag: 'v2.6.0', tagCreatedAt: '2026-11-01T09:00:00Z' }));
    expect(dated.deployment.production).toMatchObject({ tag: 'v2.6.0', tag_created_at: '2026-11-01T09:00:00Z', deployed_at: '2026-11-26T11:00:00Z' });
    expect(dated.deployment.production.github_release_url).toBeUndefined();
    const undated = parse(writeBackRollback(released, { from: '2.7.0', to: '2.6.0', at: '2026-11-26T11:00:00Z', tag: 'v2.6.0' }));
    expect(undated.deployment.production.tag_created_at).toBeUndefined();
    expect(undated.deployment.production.deployed_at).toBe('2026-11-26T11:00:00Z');
  });

  it('works on a file with no production record yet', () => {
    expect(parse(writeBackRollback(VARIANT_C, { from: '2.7.0', to: '2.6.0', at: 'now' })).deployment.production).toEqual({
      version: '2.6.0',
      deployed_at: 'now',
      rollback_from: '2.7.0',
      rollback_to: '2.6.0',
      rollback_at: 'now',
    });
  });
});
