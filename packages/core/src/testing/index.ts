export * from './fake-context.js';
export * from './thrown-shipgate-error.js';
