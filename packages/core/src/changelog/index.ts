// Barrel: re-exports this folder's public pieces.
export * from './parse-changelog.js';
export * from './release-changelog.js';
export * from './compare-links.js';
export * from './generate-changelog-body.js';
export * from './create-changelog.js';
// The bump an Unreleased section implies lives with the other bump rules; re-exported here
// because callers reach for it together with parseChangelog/unreleasedBody.
export { bumpFromChangelog } from '../version/bump-from-changelog.js';
