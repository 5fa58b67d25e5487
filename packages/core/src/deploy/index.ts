export * from './deploy-providers.js';
export * from './git-branch-provider.js';
export * from './command-provider.js';
export * from './github-actions-provider.js';
export * from './github-api.js';
export * from './github-release.js';
export { waitForVersion, type WaitForVersionInput } from './wait-for-version.js';
