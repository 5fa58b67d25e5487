export * from './render-ship-report.js';
export * from './rollback-procedure.js';
export * from './render-rollback-report.js';
