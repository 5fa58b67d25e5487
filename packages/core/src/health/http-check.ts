// kind: http — one request, then status, latency, body, JSON and health+json assertions.
import type { HttpCheckConfig } from '../config/config-types.js';
import { ShipgateError } from '../errors.js';
import type { HttpResponse } from '../context.js';
import { elapsedMs, errorMessage, excerpt } from './attempt-helpers.js';
import type { AttemptResult, HealthCheck } from './health-check.js';
import { assessHealthJson, isHealthJson, type HealthJsonAssessment } from './health-json.js';
import { readJsonPath, parseJsonPath } from './json-path.js';
import { describeStatusSpec, matchesStatus, parseStatusSpec } from './status-matcher.js';
import { templateHeaders, templateVersion, templateVersionPattern } from './template-version.js';
import { shownUrl } from '../shown-url.js';

export const httpCheck: HealthCheck<HttpCheckConfig> = {
  kind: 'http',
  // the target is shown in events and reports: never with credentials a URL may carry
  target: (config, version) => `${config.method.toUpperCase()} ${shownUrl(templateVersion(config.url, version))}`,
  validate(config) {
    for (const spec of config.expectStatus) parseStatusSpec(spec, `health.checks.${config.name}.expectStatus`);
    for (const field of ['bodyMatches', 'bodyNotMatches'] as const) {
      const pattern = config[field];
      if (pattern === undefined) continue;
      try {
        new RegExp(templateVersionPattern(pattern, '0.0.0'));
      } catch (error) {
        throw new ShipgateError('CONFIG_INVALID', `invalid regular expression: ${errorMessage(error)}`, {
          field: `health.checks.${config.name}.${field}`,
        });
      }
    }
    for (const path of Object.keys(config.json ?? {})) parseJsonPath(path, `health.checks.${config.name}.json`);
  },
  async attempt({ config, ctx, version, timeoutMs, signal }) {
    const started = ctx.clock.now();
    let response: HttpResponse;
    try {
      response = await ctx.http(templateVersion(config.url, version), {
        method: config.method.toUpperCase(),
        headers: templateHeaders(config.headers, version),
        ...(config.body === undefined ? {} : { body: templateVersion(config.body, version) }),
        timeoutMs,
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      const message = errorMessage(error);
      return { outcome: 'unknown', observed: message, detail: `could not measure: ${message}`, latencyMs: null };
    }
    return judgeResponse(config, version, response, elapsedMs(ctx, started));
  },
};

function judgeResponse(config: HttpCheckConfig, version: string, response: HttpResponse, latencyMs: number): AttemptResult {
  const fail = (observed: string, detail: string): AttemptResult => ({ outcome: 'fail', observed, detail, latencyMs });
  const status = String(response.status);
  const health = healthOf(config, response);
  const healthNote = health === null ? '' : `; health: ${health.status}${listed(health.problems)}`;
  if (!matchesStatus(config.expectStatus, response.status)) {
    // a redirect is not followed: say where it points, the usual fix is the check's url
    const location = response.status >= 300 && response.status < 400 ? response.headers['location'] : undefined;
    const redirect = location ? ` (redirects to ${location}: point the check's url there, or expect ${status})` : '';
    return fail(status, `status ${status}, expected ${describeStatusSpec(config.expectStatus)}${redirect}${healthNote}`);
  }
  if (config.maxLatencyMs !== undefined && latencyMs > config.maxLatencyMs) {
    return fail(`${latencyMs} ms`, `answered in ${latencyMs} ms, more than the ${config.maxLatencyMs} ms allowed`);
  }
  if (config.bodyMatches !== undefined && !new RegExp(templateVersionPattern(config.bodyMatches, version)).test(response.body)) {
    return fail(excerpt(response.body), `body does not match /${templateVersion(config.bodyMatches, version)}/`);
  }
  if (config.bodyNotMatches !== undefined) {
    const found = new RegExp(templateVersionPattern(config.bodyNotMatches, version)).exec(response.body);
    if (found) return fail(excerpt(found[0]), `body matches /${templateVersion(config.bodyNotMatches, version)}/, which it must not`);
  }
  const jsonProblem = checkJsonAssertions(config, version, response.body);
  if (jsonProblem !== null) return fail(jsonProblem.observed, jsonProblem.detail);
  if (health?.verdict === 'bad') {
    return fail(`${status} ${health.status}`, `health: ${health.status}${listed(health.problems)}`);
  }
  const warn = health?.verdict === 'warn' ? ` (health: ${health.status}${listed([...health.warnings, ...health.problems])})` : '';
  return { outcome: 'pass', observed: health === null ? status : `${status} ${health.status}`, detail: `status ${status} in ${latencyMs} ms${warn}`, latencyMs };
}

function healthOf(config: HttpCheckConfig, response: HttpResponse): HealthJsonAssessment | null {
  const components = config.components ?? [];
  if (!isHealthJson(response.headers['content-type']) && components.length === 0) return null;
  const document = parseJson(response.body);
  if (document === undefined) return { verdict: 'bad', status: 'not JSON', problems: [], warnings: [] };
  return assessHealthJson(document, components);
}

function checkJsonAssertions(config: HttpCheckConfig, version: string, body: string): { observed: string; detail: string } | null {
  const assertions = Object.entries(config.json ?? {});
  if (assertions.length === 0) return null;
  const document = parseJson(body);
  if (document === undefined) return { observed: excerpt(body), detail: 'body is not JSON' };
  for (const [path, expected] of assertions) {
    const actual = readJsonPath(document, path);
    const want = typeof expected === 'string' ? templateVersion(expected, version) : expected;
    if (actual === undefined) return { observed: `${path} missing`, detail: `${path} is missing, expected ${String(want)}` };
    if (!sameValue(actual, want)) {
      const seen = render(actual);
      return { observed: `${path}=${seen}`, detail: `${path} is ${seen}, expected ${String(want)}` };
    }
  }
  return null;
}

function sameValue(actual: unknown, expected: string | number | boolean | null): boolean {
  if (expected === null || actual === null) return actual === expected;
  return render(actual) === String(expected);
}

function render(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function listed(items: string[]): string {
  return items.length === 0 ? '' : ` (${items.join(', ')})`;
}
