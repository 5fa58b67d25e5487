// The registry of health-check kinds; `kind` in `.shipgate.yaml` picks one.
import type { HealthCheckConfig } from '../config/config-types.js';
import { ShipgateError } from '../errors.js';
import { commandCheck } from './command-check.js';
import type { HealthCheck } from './health-check.js';
import { httpCheck } from './http-check.js';
import { tcpCheck } from './tcp-check.js';

type KindMap = { [K in HealthCheckConfig['kind']]: HealthCheck<Extract<HealthCheckConfig, { kind: K }>> };

export const healthCheckKinds = {
  http: httpCheck,
  tcp: tcpCheck,
  command: commandCheck,
} satisfies KindMap;

export type HealthCheckKind = keyof typeof healthCheckKinds;

export function isHealthCheckKind(kind: string): kind is HealthCheckKind {
  return Object.hasOwn(healthCheckKinds, kind);
}

/** The implementation for a check's kind; an unknown kind fails with the list of known ones. */
export function healthCheckFor<C extends HealthCheckConfig>(config: C): HealthCheck<C> {
  const kind: string = config.kind;
  if (!isHealthCheckKind(kind)) {
    throw new ShipgateError('CONFIG_INVALID', `unknown health check kind "${kind}"`, {
      field: `health.checks.${config.name}.kind`,
      hint: `use one of: ${Object.keys(healthCheckKinds).join(', ')}`,
    });
  }
  return healthCheckKinds[kind] as unknown as HealthCheck<C>;
}
