// Post-deploy monitoring: error rate and p95 against baseline and threshold, the watch
// window's countdown, and the verdict in words. Shown once monitoring events exist.
import { lazy, Suspense, useMemo } from 'react';
import type { ReleaseFeed } from '../../api/release-feed';
import type { MonitorSample } from '../../api/types';
import { formatDuration } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { useNow } from '../../ui/use-now';
import type { ChartSeries } from './monitor-chart';

const MonitorChart = lazy(() => import('./monitor-chart'));

function series(samples: MonitorSample[], pick: (s: MonitorSample) => [number | null, number | null, number | null]): ChartSeries {
  const out: ChartSeries = { times: [], current: [], baseline: [], threshold: [] };
  for (const s of samples) {
    const [current, baseline, threshold] = pick(s);
    out.times.push(Date.parse(s.at) / 1000);
    out.current.push(current);
    out.baseline.push(baseline);
    out.threshold.push(threshold);
  }
  return out;
}

const pct = (v: number | null) => (v === null ? null : v * 100);

export function MonitoringPanel({ feed }: { feed: ReleaseFeed }) {
  const last = feed.samples.at(-1);
  const now = useNow(feed.verdict === null && last !== undefined);
  const errorRate = useMemo(
    () => series(feed.samples, (s) => [pct(s.current.errorRate), pct(s.baseline.errorRate), s.baseline.errorRate === null ? null : s.baseline.errorRate * 100 + s.thresholds.errorRateIncrease]),
    [feed.samples],
  );
  const latency = useMemo(
    () => series(feed.samples, (s) => [s.current.p95Ms, s.baseline.p95Ms, s.baseline.p95Ms === null ? null : s.baseline.p95Ms * (1 + s.thresholds.latencyDegradation)]),
    [feed.samples],
  );
  if (!last && !feed.verdict) return null;
  const remaining = last ? Date.parse(last.windowEndsAt) - now : 0;
  return (
    <section className="monitoring" aria-labelledby="monitoring-heading">
      <h2 id="monitoring-heading">Monitoring</h2>
      <p className="verdict">
        {feed.verdict ? (
          <>
            <StatusBadge status={feed.verdict.verdict} /> {feed.verdict.reason}
          </>
        ) : (
          <>
            <StatusBadge status={last?.verdict ?? 'NO_DATA'} /> Watching production: {remaining > 0 ? `${formatDuration(remaining)} left in the watch window` : 'window closing'}.
          </>
        )}
      </p>
      {last && (
        <p className="muted">
          Latest: {last.current.requests} requests after the deploy vs {last.baseline.requests} before; error rate {pct(last.current.errorRate)?.toFixed(2) ?? '—'}% (baseline{' '}
          {pct(last.baseline.errorRate)?.toFixed(2) ?? '—'}%), p95 {last.current.p95Ms ?? '—'} ms (baseline {last.baseline.p95Ms ?? '—'} ms).
        </p>
      )}
      <Suspense fallback={<p className="chart-placeholder">Loading charts…</p>}>
        <div className="charts">
          <MonitorChart title="Error rate" unit="%" data={errorRate} />
          <MonitorChart title="p95 latency" unit="ms" data={latency} />
        </div>
      </Suspense>
    </section>
  );
}
