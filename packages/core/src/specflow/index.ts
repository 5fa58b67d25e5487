// Barrel: re-exports this folder's public pieces.
export { findSpec } from './find-spec.js';
export { readSpecGates, type SpecGateOptions } from './read-spec-gates.js';
export { SPEC_GATES } from './gate-result.js';
export { readPhase } from './read-phase.js';
export { writeBackRelease, writeBackRollback, type ReleaseWriteBack, type RollbackWriteBack } from './write-back.js';
export { SHIP_PROD_PHASE } from './state-spellings.js';
export { stagingCommitOf, STAGING_COMMIT_FIELD } from './staging-commit.js';
