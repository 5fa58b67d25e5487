// Small constructors for the two Spec-Flow gates' results.
import type { GateEvidence, GateResult } from '../model/plan-types.js';

export const SPEC_GATES = {
  stagingValidation: { id: 'staging-validation', title: 'Staging validation approved', configKey: 'gates.stagingValidation' },
  rollback: { id: 'rollback', title: 'Rollback tested on staging', configKey: 'gates.rollback' },
} as const;

export type SpecGate = (typeof SPEC_GATES)[keyof typeof SPEC_GATES];

export function gateResult(gate: SpecGate, status: GateResult['status'], detail: string, evidence?: GateEvidence): GateResult {
  return { id: gate.id, title: gate.title, status, detail, ...(evidence ? { evidence } : {}) };
}

/** Evidence without the keys whose value is unknown (exactOptionalPropertyTypes). */
export function evidenceOf(parts: { [K in keyof GateEvidence]: GateEvidence[K] | undefined }): GateEvidence {
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) as GateEvidence;
}

/** "by Jane Smith at 2026-11-20T14:55:00Z", "at …", "by …" or "". */
export function byAt(by: string | undefined, at: string | undefined): string {
  return `${by ? ` by ${by}` : ''}${at ? ` at ${at}` : ''}`;
}
