export * from './render-ship-report.js';
export * from './rollback-procedure.js';
