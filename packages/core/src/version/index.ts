// Barrel: re-exports this folder's public pieces.
export * from './conventional-commit.js';
export * from './analyze-commits.js';
export * from './decide-version.js';
export * from './version-file.js';
export { maxBump, shortSha } from './bump.js';
