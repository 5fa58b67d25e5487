// Post-deploy monitoring: the verdict in plain words (the statistics as detail), the time left
// in the watch window, error rate and p95 latency charted against the baseline and the allowed
// band with the breach and the rollback marked, and the numbers behind the latest evaluation.
// Shown while the release monitors and once monitoring events exist.
import { lazy, Suspense, useMemo } from 'react';
import type { ReleaseFeed } from '../../api/release-feed';
import type { ReleaseDto } from '../../api/types';
import { formatDuration } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { TextWithTimes } from '../../ui/time';
import { useNow } from '../../ui/use-now';
import { ChartKey } from './chart-key';
import { MonitorMeasurements } from './monitor-measurements';
import { errorRateSeries, latencySeries, type ChartContext } from './monitor-series';
import { verdictHeadline } from './verdict-words';

const MonitorChart = lazy(() => import('./monitor-chart'));

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Whether the release page shows the monitoring panel (and puts it first). */
export const hasMonitoring = (feed: ReleaseFeed | undefined, release: Pick<ReleaseDto, 'status'>) =>
  release.status === 'monitoring' || (feed !== undefined && (feed.samples.length > 0 || feed.verdict !== null));

export function MonitoringPanel({ feed, release }: { feed: ReleaseFeed; release: ReleaseDto }) {
  const { status } = release;
  const last = feed.samples.at(-1);
  const isWatching = feed.verdict === null && status === 'monitoring';
  const now = useNow(isWatching);
  const monitorStep = release.steps.find((s) => s.name === 'monitor');
  const rollbackStep = release.steps.find((s) => s.name === 'rollback' && s.status !== 'pending');
  const context: ChartContext = useMemo(
    () => ({
      startedAt: monitorStep?.startedAt ?? null,
      isFinished: feed.verdict !== null,
      isBreach: feed.verdict?.verdict === 'FAIL',
      rollbackAt: rollbackStep?.startedAt ?? null,
      rollbackTo: release.previousVersion,
    }),
    [monitorStep?.startedAt, feed.verdict, rollbackStep?.startedAt, release.previousVersion],
  );
  const errorRate = useMemo(() => errorRateSeries(feed.samples, context), [feed.samples, context]);
  const latency = useMemo(() => latencySeries(feed.samples, context), [feed.samples, context]);
  if (!hasMonitoring(feed, release)) return null;
  const headline = verdictHeadline({ verdict: feed.verdict?.verdict ?? null, sample: last, status, previousVersion: release.previousVersion });
  return (
    <section className="monitoring" aria-labelledby="monitoring-heading">
      <div className="monitoring-head">
        <h2 id="monitoring-heading">Monitoring</h2>
        {isWatching && <WindowLeft now={now} startedAt={monitorStep?.startedAt ?? null} endsAt={last?.windowEndsAt ?? null} />}
      </div>
      <div className="verdict" role="status" data-verdict={feed.verdict?.verdict ?? 'watching'}>
        <p className="verdict-headline">
          <StatusBadge status={feed.verdict?.verdict ?? (isWatching ? 'monitoring' : 'unknown')} /> {feed.verdict || isWatching ? headline : 'Monitoring stopped before a verdict.'}
        </p>
        {feed.verdict && (
          <p className="verdict-detail">
            <span className="muted">How it was decided:</span> <TextWithTimes text={sentence(feed.verdict.reason)} />
          </p>
        )}
      </div>
      {feed.samples.length > 0 ? (
        <Suspense fallback={<p className="chart-placeholder">Loading charts…</p>}>
          <div className="charts">
            <MonitorChart title="Error rate" unit="%" data={errorRate} isFromZero />
            <MonitorChart title="p95 latency" unit="ms" data={latency} />
          </div>
          <ChartKey marks={errorRate.marks} />
        </Suspense>
      ) : (
        <p className="chart-placeholder state state-empty">The charts start with the first evaluation, a few seconds after the deploy (the warm-up).</p>
      )}
      {last && <MonitorMeasurements sample={last} />}
    </section>
  );
}

/** "42 s left of the 1 min window", with a bar. */
function WindowLeft({ now, startedAt, endsAt }: { now: number; startedAt: string | null; endsAt: string | null }) {
  if (!endsAt) return <p className="window-left">Warming up: the first evaluation comes in a few seconds.</p>;
  const end = Date.parse(endsAt);
  const start = startedAt ? Date.parse(startedAt) : end - 60_000;
  const left = end - now;
  return (
    <p className="window-left">
      <progress max={end - start} value={Math.min(end - start, Math.max(0, now - start))} aria-hidden="true" />{' '}
      {left > 0 ? (
        <>
          <strong>{formatDuration(left)}</strong> left of the {formatDuration(end - start)} watch window
        </>
      ) : (
        'the watch window is closing'
      )}
    </p>
  );
}
