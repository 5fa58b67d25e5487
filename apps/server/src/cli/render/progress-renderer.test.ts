import { describe, expect, it } from 'vitest';
import type { HealthResult } from '@shipgate/core';
import { createProgressRenderer } from './progress-renderer.js';

function fakeStream() {
  const chunks: string[] = [];
  const stream = { isTTY: false, write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

const result = (check: string, outcome: HealthResult['outcome']): HealthResult => ({
  check, kind: 'http', severity: 'critical', outcome, final: true, attempt: 1, latencyMs: 12, observed: outcome === 'pass' ? '200' : '503', detail: outcome === 'pass' ? 'ok' : 'status 503, expected 200', target: 'http://x/health', phase: 'deploy',
});

describe('the progress renderer off a terminal', () => {
  it('prints each step as it starts and its result with the duration when it ends', () => {
    const { stream, text } = fakeStream();
    let now = 0;
    const renderer = createProgressRenderer(stream, () => now);
    renderer.onEvent({ type: 'step.started', step: 'push', title: 'Push main and v2.7.0' });
    now = 1500;
    renderer.onEvent({ type: 'step.finished', step: 'push', status: 'succeeded', detail: 'pushed atomically', durationMs: 1500 });
    renderer.close();
    expect(text()).toBe('→ Push main and v2.7.0 …\n✔ Push main and v2.7.0 (1.5s) — pushed atomically\n');
  });

  it('prints the health checks as one summary table when the step ends', () => {
    const { stream, text } = fakeStream();
    const renderer = createProgressRenderer(stream, () => 0);
    renderer.onEvent({ type: 'step.started', step: 'health-checks', title: 'Health checks (2)' });
    renderer.onEvent({ type: 'health.result', result: result('api', 'pass') });
    renderer.onEvent({ type: 'health.result', result: result('cache', 'fail') });
    renderer.onEvent({ type: 'step.finished', step: 'health-checks', status: 'failed', detail: '1 critical check(s) failed', durationMs: 40 });
    const lines = text().split('\n');
    expect(lines[1]).toContain('✖ Health checks (2)');
    expect(lines.find((l) => l.includes('cache'))).toMatch(/cache\s+http\s+FAIL\s+503/);
    expect(lines.find((l) => l.includes(' api '))).toMatch(/PASS/);
  });

  it('says when production is being rolled back and why', () => {
    const { stream, text } = fakeStream();
    const renderer = createProgressRenderer(stream, () => 0);
    renderer.onEvent({ type: 'release.status', status: 'rolling_back', reason: 'api: fail · status 503' });
    expect(text()).toContain('↩ rolling back: api: fail · status 503');
  });
});
