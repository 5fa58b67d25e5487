import { describe, expect, it } from 'vitest';
import type { WaitForVersionConfig } from '../config/config-types.js';
import type { HttpResponse } from '../context.js';
import { ShipgateError } from '../errors.js';
import { ManualClock, fakeContext } from '../testing/fake-context.js';
import { readJsonPath, waitForVersion } from './wait-for-version.js';

function serving(answers: (HttpResponse | Error)[]) {
  const clock = new ManualClock();
  let polls = 0;
  const ctx = fakeContext({
    clock,
    http: async () => {
      const answer = answers[Math.min(polls, answers.length - 1)]!;
      polls += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { ctx, clock, polls: () => polls };
}

const ok = (body: string): HttpResponse => ({ status: 200, headers: {}, body });
const config = (overrides: Partial<WaitForVersionConfig> = {}): WaitForVersionConfig => ({ url: 'https://acme.example/api/version', timeoutSeconds: 60, intervalSeconds: 5, ...overrides });

describe('waitForVersion', () => {
  it('polls until the JSON path reports the new version', async () => {
    const { ctx, clock, polls } = serving([new Error('connect ECONNREFUSED'), ok('{"app":{"version":"1.1.0"}}'), ok('{"app":{"version":"1.2.0"}}')]);
    const log: string[] = [];
    await waitForVersion(config({ jsonPath: 'app.version' }), { ctx, version: '1.2.0', log: (line) => log.push(line) });
    expect(polls()).toBe(3);
    expect(clock.now().toISOString()).toBe('2026-11-26T10:00:10.000Z');
    expect(log).toContain('https://acme.example/api/version: "1.1.0"');
  });

  it('accepts a body that merely contains the version when no JSON path is set', async () => {
    const { ctx, polls } = serving([ok('acme-web 1.2.0 (a1b2c3)')]);
    await waitForVersion(config(), { ctx, version: '1.2.0', log: () => {} });
    expect(polls()).toBe(1);
  });

  it('fails at the deadline saying what it waited for, the last value seen and until when', async () => {
    const { ctx } = serving([ok('{"version":"1.1.0"}')]);
    const error = await waitForVersion(config({ jsonPath: 'version' }), { ctx, version: '1.2.0', log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipgateError);
    expect((error as ShipgateError).code).toBe('DEPLOY_FAILED');
    expect((error as ShipgateError).message).toBe(
      'https://acme.example/api/version did not report version = 1.2.0 by 2026-11-26T10:01:00.000Z (60 s); last seen: "1.1.0"',
    );
  });

  it('reports the last status when the URL never answered 2xx', async () => {
    const { ctx } = serving([{ status: 503, headers: {}, body: '' }]);
    const error = (await waitForVersion(config(), { ctx, version: '1.2.0', log: () => {} }).catch((e: unknown) => e)) as ShipgateError;
    expect(error.message).toContain('last seen: status 503');
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { ctx } = serving([ok('old')]);
    const error = (await waitForVersion(config(), { ctx, version: '1.2.0', signal: controller.signal, log: () => {} }).catch((e: unknown) => e)) as ShipgateError;
    expect(error.code).toBe('CANCELLED');
  });
});

describe('readJsonPath', () => {
  it('reads dotted, $-prefixed and indexed paths', () => {
    const json = { build: [{ version: '2.0.0' }] };
    expect(readJsonPath(json, '$.build[0].version')).toBe('2.0.0');
    expect(readJsonPath(json, 'build.0.version')).toBe('2.0.0');
    expect(readJsonPath(json, 'build.1.version')).toBeUndefined();
  });
});
