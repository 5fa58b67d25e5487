// kind: tcp — can a connection to host:port be opened?
import type { TcpCheckConfig } from '../config/config-types.js';
import { ShipgateError } from '../errors.js';
import { elapsedMs, errorMessage } from './attempt-helpers.js';
import type { HealthCheck } from './health-check.js';
import { templateVersion } from './template-version.js';

export const tcpCheck: HealthCheck<TcpCheckConfig> = {
  kind: 'tcp',
  target: (config, version) => `${templateVersion(config.host, version)}:${config.port}`,
  validate(config) {
    if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65_535) {
      throw new ShipgateError('CONFIG_INVALID', `port ${config.port} is not a TCP port`, {
        field: `health.checks.${config.name}.port`,
      });
    }
  },
  async attempt({ config, ctx, version, timeoutMs }) {
    const started = ctx.clock.now();
    try {
      await ctx.net.connect(templateVersion(config.host, version), config.port, timeoutMs);
    } catch (error) {
      const message = errorMessage(error);
      return { outcome: 'unknown', observed: message, detail: `could not connect: ${message}`, latencyMs: null };
    }
    const latencyMs = elapsedMs(ctx, started);
    return { outcome: 'pass', observed: 'connected', detail: `connected in ${latencyMs} ms`, latencyMs };
  },
};
