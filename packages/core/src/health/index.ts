// Barrel: re-exports this folder's public pieces.
export * from './health-check.js';
export * from './health-check-kinds.js';
export * from './http-check.js';
export * from './tcp-check.js';
export * from './command-check.js';
export * from './health-json.js';
export * from './json-path.js';
export * from './status-matcher.js';
export * from './template-version.js';
export * from './poll-check.js';
export * from './run-health-checks.js';
export * from './format-health-table.js';
