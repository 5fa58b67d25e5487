// The feature's current Spec-Flow phase (`workflow.phase` · `current_phase` · `phase`).
import { lookup, parseState } from './state-document.js';
import { PHASE_FIELDS } from './state-spellings.js';

export function readPhase(stateText: string | null): string | null {
  if (stateText === null) return null;
  const parsed = parseState(stateText);
  if (!parsed.ok) return null;
  for (const path of PHASE_FIELDS) {
    const value = lookup(parsed.doc, path);
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  }
  return null;
}
