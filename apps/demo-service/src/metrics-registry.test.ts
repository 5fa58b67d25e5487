import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics-registry.js';

describe('MetricsRegistry', () => {
  it('renders counters by route and status, a cumulative histogram and the build info', () => {
    const metrics = new MetricsRegistry();
    metrics.record('/api/cart', 200, 0.0123);
    metrics.record('/api/cart', 200, 0.2);
    metrics.record('/api/cart', 503, 12);
    const text = metrics.render({ version: '1.0.0', commit: 'abc' });
    expect(text).toContain('http_requests_total{route="/api/cart",status="200"} 2\nhttp_requests_total{route="/api/cart",status="503"} 1\n');
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.01"} 0\nhttp_request_duration_seconds_bucket{le="0.015"} 1\n');
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.2"} 2\n');
    expect(text).toContain('http_request_duration_seconds_bucket{le="10"} 2\nhttp_request_duration_seconds_bucket{le="+Inf"} 3\n');
    expect(text).toContain('http_request_duration_seconds_count 3\n');
    expect(text).toContain('demo_build_info{version="1.0.0",commit="abc"} 1\n');
  });

  it('escapes label values and starts again at zero after a reset', () => {
    const metrics = new MetricsRegistry();
    metrics.record('/a"b\\c', 200, 0.1);
    expect(metrics.render({ version: 'x\ny', commit: 'c' })).toContain('http_requests_total{route="/a\\"b\\\\c",status="200"} 1');
    metrics.reset();
    const text = metrics.render({ version: '1', commit: 'c' });
    expect(text).not.toContain('http_requests_total{');
    expect(text).toContain('http_request_duration_seconds_count 0');
  });
});
