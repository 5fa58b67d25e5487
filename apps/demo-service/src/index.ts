// The demo production service of the sandbox: health, version, metrics, synthetic traffic, faults.
export { startDemoService, type DemoService, type DemoServiceOptions } from './start-demo-service.js';
export { runDemoService, type RunDemoServiceOptions } from './run-demo-service.js';
export { parseDemoFaults, NO_FAULTS, COMPONENTS, type DemoFaults, type Component } from './demo-faults.js';
export { LATENCY_BUCKETS_SECONDS } from './metrics-registry.js';
export type { Release } from './read-release.js';
