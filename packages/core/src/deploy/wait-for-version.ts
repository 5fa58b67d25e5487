// Deploys are often asynchronous: poll a URL until it reports the new version, or give up at a deadline.
import type { WaitForVersionConfig } from '../config/config-types.js';
import { readJsonPath } from '../health/json-path.js';
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import { abortedError, isAbortError, sleepOrCancel } from './abort.js';

export interface WaitForVersionInput {
  ctx: CoreContext;
  version: string;
  signal?: AbortSignal;
  log: (line: string, stream?: 'info' | 'warn') => void;
}

interface Observation {
  matches: boolean;
  /** What the URL reported: the value at jsonPath, the body's start, or why nothing was read. */
  seen: string;
}

export async function waitForVersion(config: WaitForVersionConfig, input: WaitForVersionInput): Promise<void> {
  const { ctx, version, log } = input;
  const signal = input.signal ?? ctx.signal;
  const startedAt = ctx.clock.now().getTime();
  const deadline = new Date(startedAt + config.timeoutSeconds * 1000);
  const intervalMs = Math.max(100, config.intervalSeconds * 1000);
  const wanted = config.jsonPath ? `${config.jsonPath} = ${version}` : `a body containing ${version}`;
  log(`waiting for ${config.url} to report ${wanted} (until ${deadline.toISOString()})`, 'info');
  let lastSeen = 'nothing (no answer yet)';
  for (;;) {
    const remaining = deadline.getTime() - ctx.clock.now().getTime();
    const observation = await observe(ctx, config, version, Math.max(1000, Math.min(10_000, remaining)), signal);
    if (observation.matches) {
      log(`${config.url} reports ${version}`, 'info');
      return;
    }
    if (observation.seen !== lastSeen) log(`${config.url}: ${observation.seen}`, 'info');
    lastSeen = observation.seen;
    if (ctx.clock.now().getTime() + intervalMs > deadline.getTime()) break;
    await sleepOrCancel(ctx.clock, intervalMs, signal, 'waiting for the new version');
  }
  throw new ShipgateError('DEPLOY_FAILED', `${config.url} did not report ${wanted} by ${deadline.toISOString()} (${config.timeoutSeconds} s); last seen: ${lastSeen}`, {
    field: 'deploy.waitForVersion',
    hint: 'check the deploy really finished, or raise deploy.waitForVersion.timeoutSeconds',
  });
}

async function observe(ctx: CoreContext, config: WaitForVersionConfig, version: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<Observation> {
  let status: number;
  let body: string;
  try {
    ({ status, body } = await ctx.http(config.url, { method: 'GET', headers: { accept: 'application/json, text/plain, */*' }, timeoutMs, ...(signal ? { signal } : {}) }));
  } catch (error) {
    if (isAbortError(error) || signal?.aborted) throw abortedError('waiting for the new version');
    return { matches: false, seen: `no answer (${error instanceof Error ? error.message : String(error)})` };
  }
  if (status < 200 || status >= 300) return { matches: false, seen: `status ${status}` };
  if (!config.jsonPath) {
    return { matches: body.includes(version), seen: `"${truncate(body.trim())}"` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { matches: false, seen: `not JSON: "${truncate(body.trim())}"` };
  }
  const value = readJsonPath(json, config.jsonPath);
  if (value === undefined) return { matches: false, seen: `no ${config.jsonPath} in the response` };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { matches: text === version || text === `v${version}`, seen: `"${truncate(text)}"` };
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

// one JSON path reader for health checks and version waits
export { readJsonPath };
