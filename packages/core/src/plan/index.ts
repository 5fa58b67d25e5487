export * from './plan-release.js';
export * from './plan-version.js';
