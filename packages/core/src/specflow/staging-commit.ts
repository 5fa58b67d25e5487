// The commit staging validated, when state.yaml records it (CONTRACT §3.1):
// `deployment.staging.commit_sha`.
import { lookup, parseState } from './state-document.js';
import { dotted, type FieldPath } from './state-spellings.js';

export const STAGING_COMMIT_SHA: FieldPath = ['deployment', 'staging', 'commit_sha'];
export const STAGING_COMMIT_FIELD = dotted(STAGING_COMMIT_SHA);

/** The recorded sha (as written, trimmed), or null when state.yaml records none. */
export function stagingCommitOf(stateText: string | null): string | null {
  if (stateText === null) return null;
  const parsed = parseState(stateText);
  if (!parsed.ok) return null; // the spec gates already fail and say why
  const value = lookup(parsed.doc, STAGING_COMMIT_SHA);
  if (value === undefined || value === null) return null;
  const sha = String(value).trim();
  return sha === '' ? null : sha;
}
