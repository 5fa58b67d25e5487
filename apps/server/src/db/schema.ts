// Barrel of every table, for drizzle's typed client.
export * from './tables/projects.js';
export * from './tables/releases.js';
export * from './tables/steps.js';
export * from './tables/events.js';
export * from './tables/reports.js';
export * from './tables/sessions.js';
export * from './tables/users.js';
export * from './tables/oidc-logins.js';
export * from './tables/audit.js';
export * from './tables/api-tokens.js';
export * from './tables/deliveries.js';
export * from './tables/approvals.js';
