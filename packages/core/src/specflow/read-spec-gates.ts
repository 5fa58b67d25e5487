// The two Spec-Flow gates read from a feature's state.yaml. Expected failures are values:
// a missing, unparsable or incomplete state.yaml fails the gates, with what to do next.
import type { GateResult } from '../model/plan-types.js';
import { gateResult, SPEC_GATES, type SpecGate } from './gate-result.js';
import { rollbackGate } from './rollback-gate.js';
import { stagingValidationGate } from './staging-validation-gate.js';
import { parseState } from './state-document.js';

export interface SpecGateOptions {
  /** Repository-relative path of the state.yaml, for details and evidence. */
  file: string;
  stagingValidation: boolean;
  rollback: boolean;
}

const MISSING_TODO: Record<SpecGate['id'], string> = {
  'staging-validation': 'run /validate-staging to validate staging and approve it',
  rollback: 'run the rollback drill on staging (/validate-staging) so it records quality_gates.rollback_capability.passed: true',
};

export function readSpecGates(stateText: string | null, options: SpecGateOptions): GateResult[] {
  const { file } = options;
  const gates = [
    { gate: SPEC_GATES.stagingValidation, enabled: options.stagingValidation, read: stagingValidationGate },
    { gate: SPEC_GATES.rollback, enabled: options.rollback, read: rollbackGate },
  ];
  const parsed = stateText === null ? null : parseState(stateText);
  return gates.map(({ gate, enabled, read }) => {
    if (!enabled) return gateResult(gate, 'skip', `skipped: ${gate.configKey} is false in the Shipgate config`);
    if (parsed === null) return gateResult(gate, 'fail', `${file} not found: ${MISSING_TODO[gate.id]}`, { file });
    if (!parsed.ok) {
      const where = parsed.line === undefined ? file : `${file}:${parsed.line}${parsed.column === undefined ? '' : `:${parsed.column}`}`;
      return gateResult(gate, 'fail', `${where} cannot be parsed (${parsed.reason}): fix the YAML`, { file });
    }
    return read(parsed.doc, file);
  });
}
