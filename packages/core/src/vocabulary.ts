// The vocabularies of the API, dependency-free: `@shipgate/core/vocabulary`, re-exported
// by @shipgate/contract for the dashboard (which must not bundle the engine).
export * from './model/lifecycle.js';
export * from './model/statuses.js';
