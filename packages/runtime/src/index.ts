// @shipgate/runtime — the real (Node) implementations of core's ports.
export * from './create-node-context.js';
export * from './connection-error.js';
export * from './node-exec.js';
export * from './node-file-system.js';
export * from './node-http.js';
export * from './node-net.js';
export * from './system-clock.js';
export * from './line-splitter.js';
