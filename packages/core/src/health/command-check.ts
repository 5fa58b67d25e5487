// kind: command — `sh -c <command>` must exit 0 and, optionally, print the expected output.
import type { CommandCheckConfig } from '../config/config-types.js';
import type { ExecResult } from '../context.js';
import { elapsedMs, errorMessage } from './attempt-helpers.js';
import type { HealthCheck } from './health-check.js';
import { templateVersion } from './template-version.js';

export const commandCheck: HealthCheck<CommandCheckConfig> = {
  kind: 'command',
  target: (config, version) => templateVersion(config.command, version),
  validate() {},
  async attempt({ config, ctx, version, timeoutMs, signal, cwd }) {
    const started = ctx.clock.now();
    let result: ExecResult;
    try {
      result = await ctx.exec('sh', ['-c', templateVersion(config.command, version)], {
        cwd,
        env: { SHIPGATE_VERSION: version },
        timeoutMs,
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      const message = errorMessage(error);
      return { outcome: 'unknown', observed: message, detail: `could not run: ${message}`, latencyMs: null };
    }
    const latencyMs = elapsedMs(ctx, started);
    const output = lastLine(result.stdout) || lastLine(result.stderr);
    if (result.timedOut) {
      return { outcome: 'unknown', observed: `timed out after ${timeoutMs} ms`, detail: `could not measure: timed out after ${timeoutMs} ms`, latencyMs: null };
    }
    if (result.code === 127) {
      return { outcome: 'unknown', observed: 'exit 127', detail: `could not run: ${lastLine(result.stderr) || 'command not found'}`, latencyMs };
    }
    if (result.code !== 0) {
      return { outcome: 'fail', observed: `exit ${result.code}`, detail: `exit ${result.code}${output ? `: ${output}` : ''}`, latencyMs };
    }
    const expected = config.expectOutput === undefined ? undefined : templateVersion(config.expectOutput, version);
    if (expected !== undefined && !result.stdout.includes(expected)) {
      return { outcome: 'fail', observed: output || '(no output)', detail: `output does not contain "${expected}"`, latencyMs };
    }
    return { outcome: 'pass', observed: output || 'exit 0', detail: `exit 0 in ${latencyMs} ms`, latencyMs };
  },
};

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  const line = (lines[lines.length - 1] ?? '').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
