// The rollback gate: the rollback drill on staging passed, under one of its spellings.
import type { Document } from 'yaml';
import type { GateResult } from '../model/plan-types.js';
import { byAt, evidenceOf, gateResult, SPEC_GATES } from './gate-result.js';
import { firstText, lookup, normalized, type StateValue } from './state-document.js';
import {
  APPROVED_AT_KEYS,
  APPROVED_BY_KEYS,
  dotted,
  ROLLBACK_AT_KEYS,
  ROLLBACK_CAPABILITY_PASSED,
  ROLLBACK_STATUS,
  ROLLBACK_TESTED_KEY,
  STAGING_VALIDATION_MAPS,
  type FieldPath,
} from './state-spellings.js';

const gate = SPEC_GATES.rollback;
const TODO = 'run the rollback drill on staging (/validate-staging) and record it';

interface Spelling {
  path: FieldPath;
  passes: (value: StateValue) => boolean;
  /** Where the who/when of the drill is kept. */
  byKeys: readonly string[];
  atKeys: readonly string[];
  passed: (at: string) => string;
}

const isTrue = (value: StateValue) => value === true || normalized(value) === 'true';

const SPELLINGS: readonly Spelling[] = [
  { path: ROLLBACK_CAPABILITY_PASSED, passes: isTrue, byKeys: [], atKeys: ROLLBACK_AT_KEYS, passed: (at) => `rollback_capability passed${at}` },
  { path: ROLLBACK_STATUS, passes: (value) => normalized(value) === 'passed', byKeys: [], atKeys: ROLLBACK_AT_KEYS, passed: (at) => `rollback passed${at}` },
  ...STAGING_VALIDATION_MAPS.map((base) => ({
    path: [...base, ROLLBACK_TESTED_KEY],
    passes: isTrue,
    byKeys: APPROVED_BY_KEYS,
    atKeys: APPROVED_AT_KEYS,
    passed: (at: string) => `rollback tested during staging validation${at}`,
  })),
];

export function rollbackGate(doc: Document, file: string): GateResult {
  for (const spelling of SPELLINGS) {
    const value = lookup(doc, spelling.path);
    if (value === undefined) continue;
    const field = dotted(spelling.path);
    const parent = spelling.path.slice(0, -1);
    const by = firstText(doc, parent, spelling.byKeys);
    const at = firstText(doc, parent, spelling.atKeys);
    const evidence = evidenceOf({ file, field, value, by, at });
    if (spelling.passes(value)) return gateResult(gate, 'pass', spelling.passed(byAt(by, at)), evidence);
    const shown = value === null || String(value).trim() === '' ? 'empty' : String(value).trim();
    return gateResult(gate, 'fail', `rollback gate not passed: ${field} is ${shown} in ${file}; ${TODO}`, evidence);
  }
  const accepted = SPELLINGS.map((spelling) => `${dotted(spelling.path)}: ${spelling.path.at(-1) === 'status' ? 'passed' : 'true'}`).join(', ');
  return gateResult(gate, 'fail', `${file} has no rollback gate field: expected one of ${accepted}; ${TODO}`, { file });
}
