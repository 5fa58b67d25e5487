export * from './repository-gates.js';
