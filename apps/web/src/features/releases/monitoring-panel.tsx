// Post-deploy monitoring: the verdict (or the watch window's countdown) in words, the numbers
// behind the latest evaluation, and error rate and p95 latency charted against the baseline
// and the threshold band. Shown while the release monitors and once monitoring events exist.
import { lazy, Suspense, useMemo } from 'react';
import type { ReleaseFeed } from '../../api/release-feed';
import type { ReleaseStatus } from '../../api/types';
import { formatDuration } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { useNow } from '../../ui/use-now';
import { MonitorMeasurements } from './monitor-measurements';
import { errorRateSeries, latencySeries } from './monitor-series';

const MonitorChart = lazy(() => import('./monitor-chart'));

const OUTCOME: Partial<Record<ReleaseStatus, string>> = {
  rolling_back: 'Production is being rolled back to the previous version.',
  rolled_back: 'Production was rolled back to the previous version.',
};

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function MonitoringPanel({ feed, status, startedAt }: { feed: ReleaseFeed; status: ReleaseStatus; startedAt?: string | null }) {
  const last = feed.samples.at(-1);
  const isWatching = feed.verdict === null && status === 'monitoring';
  const now = useNow(isWatching);
  const errorRate = useMemo(() => errorRateSeries(feed.samples, startedAt), [feed.samples, startedAt]);
  const latency = useMemo(() => latencySeries(feed.samples, startedAt), [feed.samples, startedAt]);
  if (!last && !feed.verdict && status !== 'monitoring') return null;
  const remaining = last ? Date.parse(last.windowEndsAt) - now : null;
  return (
    <section className="monitoring" aria-labelledby="monitoring-heading">
      <h2 id="monitoring-heading">Monitoring</h2>
      <div className="verdict" role="status" data-verdict={feed.verdict?.verdict ?? 'watching'}>
        {feed.verdict ? (
          <>
            <p>
              <StatusBadge status={feed.verdict.verdict} /> <strong>Verdict:</strong> {sentence(feed.verdict.reason)}
            </p>
            {feed.verdict.verdict === 'FAIL' && OUTCOME[status] && <p>{OUTCOME[status]}</p>}
          </>
        ) : isWatching ? (
          <p>
            <StatusBadge status="monitoring" /> Watching production:{' '}
            {remaining === null ? 'warming up, the first evaluation comes in a few seconds' : remaining > 0 ? `${formatDuration(remaining)} left in the watch window` : 'the window is closing'}.
            {last && (
              <>
                {' '}
                Latest evaluation: <StatusBadge status={last.verdict} />
              </>
            )}
          </p>
        ) : (
          <p>
            <StatusBadge status="unknown" /> Monitoring stopped before a verdict.
          </p>
        )}
      </div>
      {last && <MonitorMeasurements sample={last} />}
      {feed.samples.length > 0 && (
        <Suspense fallback={<p className="chart-placeholder">Loading charts…</p>}>
          <div className="charts">
            <MonitorChart title="Error rate" unit="%" data={errorRate} isFromZero />
            <MonitorChart title="p95 latency" unit="ms" data={latency} />
          </div>
          <p className="chart-key muted">
            Blue dots: production now, since the deploy. Dashed grey: before the deploy (the baseline). Dotted red: the threshold; the shaded band between them is
            the allowed change.
          </p>
        </Suspense>
      )}
    </section>
  );
}
