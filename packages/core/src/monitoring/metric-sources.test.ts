import { describe, expect, it } from 'vitest';
import type { MonitoringConfig } from '../config/config-types.js';
import { fakeContext } from '../testing/fake-context.js';
import { createMetricSource } from './metric-sources.js';

describe('createMetricSource', () => {
  it('builds the source named by monitoring.source.kind', () => {
    const ctx = fakeContext();
    expect(createMetricSource(ctx, { kind: 'scrape', url: 'http://127.0.0.1:4401/metrics' })).toMatchObject({ kind: 'scrape', keepsHistory: false });
    expect(createMetricSource(ctx, { kind: 'prometheus', url: 'http://127.0.0.1:9090' })).toMatchObject({ kind: 'prometheus', keepsHistory: true });
  });

  it('rejects an unknown kind with the list of known ones', () => {
    const unknown = { kind: 'datadog', url: 'x' } as unknown as MonitoringConfig['source'];
    expect(() => createMetricSource(fakeContext(), unknown)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: 'unknown metric source "datadog"', hint: 'Use one of: scrape, prometheus.' }),
    );
  });
});
