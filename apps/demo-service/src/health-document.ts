// /health as application/health+json (draft-inadarei-api-health-check): one entry per
// simulated component under "component:measurement" keys, overall "fail" when any fails.
import { COMPONENTS, type Component, type DemoFaults } from './demo-faults.js';
import type { Release } from './read-release.js';

const MEASUREMENTS: Record<Component, { measurement: string; type: string; unit: string; healthy: number; failing: number }> = {
  database: { measurement: 'responseTime', type: 'datastore', unit: 'ms', healthy: 3, failing: 5000 },
  cache: { measurement: 'responseTime', type: 'datastore', unit: 'ms', healthy: 1, failing: 2500 },
  cdn: { measurement: 'availability', type: 'system', unit: 'percent', healthy: 100, failing: 0 },
  jobs: { measurement: 'queueDepth', type: 'component', unit: 'jobs', healthy: 2, failing: 9000 },
};

export interface HealthDocument {
  httpStatus: number;
  body: Record<string, unknown>;
}

export function healthDocument(release: Release, activeFaults: DemoFaults, now: Date): HealthDocument {
  const checks: Record<string, unknown[]> = {};
  for (const component of COMPONENTS) {
    const { measurement, type, unit, healthy, failing } = MEASUREMENTS[component];
    const isFailing = activeFaults.failingComponent === component;
    checks[`${component}:${measurement}`] = [
      {
        componentId: component,
        componentType: type,
        observedValue: isFailing ? failing : healthy,
        observedUnit: unit,
        status: isFailing ? 'fail' : 'pass',
        time: now.toISOString(),
        ...(isFailing ? { output: `${component} is not responding` } : {}),
      },
    ];
  }
  const status = activeFaults.failingComponent ? 'fail' : 'pass';
  return {
    httpStatus: status === 'pass' ? 200 : 503,
    body: {
      status,
      version: release.version.split('.')[0] ?? '0',
      releaseId: release.version,
      serviceId: 'shipgate-demo',
      description: 'Shipgate demo production service',
      notes: [`commit ${release.commit}`],
      checks,
    },
  };
}
