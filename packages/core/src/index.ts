// @shipgate/core — the release engine as a library. It reaches the world only through
// the ports of CoreContext (context.ts).
export * from './context.js';
export * from './errors.js';
export * from './events.js';
export * from './config/config-types.js';
export * from './config/index.js';
export * from './plan/plan-types.js';
export * from './plan/index.js';
export * from './production/production-now.js';
export * from './production/rollback-target.js';
export * from './production/release-tag-at.js';
export * from './production/released-tags.js';
export * from './release/statuses.js';
export * from './release/lifecycle.js';
export * from './release/index.js';
export * from './version/index.js';
export * from './changelog/index.js';
export * from './specflow/index.js';
export * from './gates/index.js';
export * from './git/index.js';
export * from './deploy/deploy-provider.js';
export * from './deploy/index.js';
export * from './health/index.js';
export * from './monitoring/index.js';
export * from './report/index.js';
