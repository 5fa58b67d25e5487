// The service's Prometheus metrics: request counters by route and status, one latency
// histogram with buckets fine enough near p95 to see a 10% change, and a build-info gauge.

/** Upper bounds in seconds: 5 ms steps to 400 ms, then coarser. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  ...Array.from({ length: 80 }, (_, i) => ((i + 1) * 5) / 1000),
  0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 2, 2.5, 3, 5, 10,
];

export class MetricsRegistry {
  private readonly requests = new Map<string, { route: string; status: number; count: number }>();
  private readonly bucketCounts = new Array<number>(LATENCY_BUCKETS_SECONDS.length + 1).fill(0);
  private sumSeconds = 0;

  record(route: string, status: number, seconds: number): void {
    const key = `${route} ${status}`;
    const series = this.requests.get(key) ?? { route, status, count: 0 };
    series.count += 1;
    this.requests.set(key, series);
    const index = LATENCY_BUCKETS_SECONDS.findIndex((le) => seconds <= le);
    this.bucketCounts[index === -1 ? LATENCY_BUCKETS_SECONDS.length : index]! += 1;
    this.sumSeconds += seconds;
  }

  /** What a process restart does: every counter begins again at 0. */
  reset(): void {
    this.requests.clear();
    this.bucketCounts.fill(0);
    this.sumSeconds = 0;
  }

  render(build: { version: string; commit: string }): string {
    const lines = [
      '# HELP http_requests_total HTTP requests served, by route and status.',
      '# TYPE http_requests_total counter',
      ...[...this.requests.values()]
        .sort((a, b) => (a.route === b.route ? a.status - b.status : a.route < b.route ? -1 : 1))
        .map((s) => `http_requests_total{route="${escapeLabel(s.route)}",status="${s.status}"} ${s.count}`),
      '# HELP http_request_duration_seconds HTTP request latency.',
      '# TYPE http_request_duration_seconds histogram',
    ];
    let cumulative = 0;
    LATENCY_BUCKETS_SECONDS.forEach((le, i) => {
      cumulative += this.bucketCounts[i]!;
      lines.push(`http_request_duration_seconds_bucket{le="${le}"} ${cumulative}`);
    });
    cumulative += this.bucketCounts[LATENCY_BUCKETS_SECONDS.length]!;
    lines.push(
      `http_request_duration_seconds_bucket{le="+Inf"} ${cumulative}`,
      `http_request_duration_seconds_sum ${this.sumSeconds}`,
      `http_request_duration_seconds_count ${cumulative}`,
      '# HELP demo_build_info The release this process runs.',
      '# TYPE demo_build_info gauge',
      `demo_build_info{version="${escapeLabel(build.version)}",commit="${escapeLabel(build.commit)}"} 1`,
    );
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
