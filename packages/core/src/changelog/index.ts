// Barrel: re-exports this folder's public pieces.
export * from './parse-changelog.js';
export * from './release-changelog.js';
export * from './compare-links.js';
export * from './generate-changelog-body.js';
export * from './create-changelog.js';
export * from './bump-from-changelog.js';
