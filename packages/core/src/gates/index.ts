export * from './repository-gates.js';
export * from './staging-commit-check.js';
