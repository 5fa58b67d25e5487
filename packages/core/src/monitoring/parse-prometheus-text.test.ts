import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './parse-prometheus-text.js';

// Shaped like the output of prometheus/client_golang and prom-client.
const EXPOSITION = `# HELP http_requests_total The total number of HTTP requests.
# TYPE http_requests_total counter
http_requests_total{method="post",code="200"} 1027 1395066363000
http_requests_total{method="post",code="400"}    3 1395066363000

# Escaping in label values:
msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

# Minimalistic line:
metric_without_timestamp_and_labels 12.47

# A weird metric from before the epoch:
something_weird{problem="division by zero"} +Inf -3982045

# A histogram, which has a pretty complex representation in the text format:
# HELP http_request_duration_seconds A histogram of the request duration.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds_bucket{le="0.1"} 33444
http_request_duration_seconds_bucket{le="+Inf"} 144320
http_request_duration_seconds_sum 53423
http_request_duration_seconds_count 144320
go_gc_duration_seconds{quantile="0.5",} NaN
temperature_celsius{room="cold"} -Inf
`;

describe('parsePrometheusText', () => {
  const parsed = parsePrometheusText(EXPOSITION);
  const find = (name: string) => parsed.samples.filter((s) => s.name === name);

  it('reads HELP and TYPE lines and ignores other comments', () => {
    expect(parsed.help['http_requests_total']).toBe('The total number of HTTP requests.');
    expect(parsed.types).toEqual({ http_requests_total: 'counter', http_request_duration_seconds: 'histogram' });
    expect(parsed.samples).toHaveLength(12);
  });

  it('reads labels, values and optional timestamps', () => {
    expect(find('http_requests_total')).toEqual([
      { name: 'http_requests_total', labels: { method: 'post', code: '200' }, value: 1027, timestampMs: 1395066363000 },
      { name: 'http_requests_total', labels: { method: 'post', code: '400' }, value: 3, timestampMs: 1395066363000 },
    ]);
    expect(find('metric_without_timestamp_and_labels')).toEqual([
      { name: 'metric_without_timestamp_and_labels', labels: {}, value: 12.47 },
    ]);
  });

  it('unescapes backslashes, quotes and newlines in label values', () => {
    expect(find('msdos_file_access_time_seconds')[0]).toMatchObject({
      labels: { path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"' },
      value: 1.458255915e9,
    });
  });

  it('reads +Inf, -Inf and NaN values, negative timestamps and a trailing comma in labels', () => {
    expect(find('something_weird')[0]).toMatchObject({ value: Number.POSITIVE_INFINITY, timestampMs: -3982045 });
    expect(find('temperature_celsius')[0]?.value).toBe(Number.NEGATIVE_INFINITY);
    expect(find('go_gc_duration_seconds')[0]).toMatchObject({ labels: { quantile: '0.5' } });
    expect(find('go_gc_duration_seconds')[0]?.value).toBeNaN();
  });

  it('keeps the le label of histogram buckets, +Inf included', () => {
    expect(find('http_request_duration_seconds_bucket').map((s) => [s.labels['le'], s.value])).toEqual([
      ['0.05', 24054],
      ['0.1', 33444],
      ['+Inf', 144320],
    ]);
  });

  it('accepts CRLF line endings and a label value holding "}" and ","', () => {
    const parsed = parsePrometheusText('a{x="}, y"} 1\r\nb 2\r\n');
    expect(parsed.samples.map((s) => [s.name, s.labels, s.value])).toEqual([
      ['a', { x: '}, y' }, 1],
      ['b', {}, 2],
    ]);
  });

  it('names the line of a malformed sample', () => {
    expect(() => parsePrometheusText('ok 1\nbroken{le="1} 3\n')).toThrow(/metrics line 2: unterminated label value/);
    expect(() => parsePrometheusText('value_missing\n')).toThrow(/line 1: expected "value \[timestamp\]"/);
    expect(() => parsePrometheusText('x 12abc\n')).toThrow(/invalid sample value "12abc"/);
    expect(() => parsePrometheusText('x{a="\\t"} 1\n')).toThrow(/invalid escape/);
  });
});
