import { describe, expect, it } from 'vitest';
import { readPhase } from './read-phase.js';

describe('readPhase', () => {
  it('reads workflow.phase, then current_phase, then phase', () => {
    expect(readPhase('workflow:\n  phase: "ship:validate-staging"\ncurrent_phase: other\n')).toBe('ship:validate-staging');
    expect(readPhase('current_phase: ship-prod\nphase: other\n')).toBe('ship-prod');
    expect(readPhase('phase: implement\n')).toBe('implement');
  });

  it('says null when there is no phase or no readable file', () => {
    expect(readPhase(null)).toBeNull();
    expect(readPhase('')).toBeNull();
    expect(readPhase('feature: { slug: x }\n')).toBeNull();
    expect(readPhase('workflow: [\n')).toBeNull();
  });
});
