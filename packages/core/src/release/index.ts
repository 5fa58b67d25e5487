export * from './journal.js';
export * from './release-record.js';
export * from './release-outcome.js';
export * from './run-release.js';
export * from './rollback-release.js';
