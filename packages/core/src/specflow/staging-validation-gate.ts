// The staging-validation gate: approved in state.yaml under one of its spellings.
import type { Document } from 'yaml';
import type { GateResult } from '../model/plan-types.js';
import { byAt, evidenceOf, gateResult, SPEC_GATES } from './gate-result.js';
import { firstText, lookup, normalized } from './state-document.js';
import { APPROVED_AT_KEYS, APPROVED_BY_KEYS, dotted, STAGING_VALIDATION_MAPS } from './state-spellings.js';

const gate = SPEC_GATES.stagingValidation;

export function stagingValidationGate(doc: Document, file: string): GateResult {
  for (const base of STAGING_VALIDATION_MAPS) {
    const status = lookup(doc, [...base, 'status']);
    if (status === undefined) continue;
    const field = dotted([...base, 'status']);
    const by = firstText(doc, base, APPROVED_BY_KEYS);
    const at = firstText(doc, base, APPROVED_AT_KEYS);
    const evidence = evidenceOf({ file, field, value: status, by, at });
    if (normalized(status) === 'approved') return gateResult(gate, 'pass', `approved${byAt(by, at)}`, evidence);
    const current = normalized(status) === '' ? 'has no status' : `is ${String(status).trim()}`;
    return gateResult(gate, 'fail', `staging validation ${current}, not approved (${field} in ${file}): finish /validate-staging and approve it`, evidence);
  }
  const accepted = STAGING_VALIDATION_MAPS.map((base) => dotted([...base, 'status'])).join(' or ');
  return gateResult(gate, 'fail', `${file} has no staging validation status: expected ${accepted} (approved), written by /validate-staging`, { file });
}
