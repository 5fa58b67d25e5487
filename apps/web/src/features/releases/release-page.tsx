// The live release: timeline, the selected step's streaming log, health results,
// monitoring, and the abort/roll back actions.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { useConnection } from '../../api/connection-state';
import { ApiError } from '../../api/http';
import { isActive } from '../../api/releases';
import { fetchReport, reportQuery } from '../../api/reports';
import { useLiveRelease } from '../../api/use-live-release';
import { durationBetween, formatTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';
import { useNow } from '../../ui/use-now';
import { HealthResults } from './health-results';
import { MonitoringPanel } from './monitoring-panel';
import { ReleaseActions } from './release-actions';
import { StepLog } from './step-log';
import { StepTimeline } from './step-timeline';

const EMPTY: never[] = [];

export function ReleasePage({ releaseId }: { releaseId: string }) {
  const { release, feed } = useLiveRelease(releaseId);
  const [picked, setPicked] = useState<string | null>(null);
  const connection = useConnection();
  const now = useNow(release.data ? isActive(release.data) : false);
  // link the ship report only when there is one (a release that ended before its report has none)
  // (keyed by status and end time too: a release resumed after an interruption gets its report later)
  const ended = release.data !== undefined && !isActive(release.data);
  const report = useQuery({
    queryKey: [...reportQuery(releaseId).queryKey, release.data?.status, release.data?.finishedAt],
    queryFn: () => fetchReport(releaseId),
    enabled: ended,
    retry: false,
  });
  if (release.isPending) return <Loading what="the release" />;
  if (release.isError) return <ErrorState error={release.error} what="the release" onRetry={() => void release.refetch()} />;
  const r = release.data;
  const running = r.steps.find((s) => s.status === 'running') ?? [...r.steps].reverse().find((s) => s.status !== 'pending');
  const selected = picked ?? running?.name ?? r.steps[0]?.name ?? null;
  const barText = r.error ? `${r.error.message}${r.error.hint ? ` — ${r.error.hint}` : ''}` : (feed.data?.statusReason ?? '');
  return (
    <section>
      <div className="release-head">
        <h1>
          <Link href={`/projects/${r.projectId}`}>{r.projectId}</Link> {r.version ?? 'release'}
        </h1>
        <StatusBadge status={r.status} />
        {isActive(r) ? (
          <span className={`connection connection-${connection}`} role="status">
            <span aria-hidden="true">{connection === 'live' ? '●' : '○'}</span> {connection === 'live' ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
          </span>
        ) : (
          <span className="connection connection-finished" role="status">
            <span aria-hidden="true">■</span> Finished
          </span>
        )}
      </div>
      <p className="muted">
        {r.previousVersion ?? '?'} → {r.version ?? '?'} · by {r.actor} · started {formatTime(r.startedAt ?? r.createdAt)} · {durationBetween(r.startedAt ?? r.createdAt, r.finishedAt, now)}
        {r.dryRun && ' · dry run'}
        {!isActive(r) && report.data !== undefined && (
          <>
            {' · '}
            <Link href={`/reports/${r.id}`}>Ship report</Link>
          </>
        )}
        {!isActive(r) && report.error instanceof ApiError && report.error.status === 404 && ' · no ship report yet'}
      </p>
      {/* One bar of fixed height: the status line and the actions swap in place, so nothing
          below moves while the release streams. */}
      <div className="release-bar" data-active={isActive(r)}>
        <p className={`release-bar-status${r.error ? ' state state-error' : (feed.data?.statusReason ? ' state' : '')}`} role="status" title={barText || undefined}>
          {barText}
        </p>
        <ReleaseActions release={r} projectName={r.projectId} />
      </div>
      <div className="release-grid">
        <StepTimeline steps={r.steps} selected={selected} onSelect={setPicked} />
        <div className="release-main">
          {feed.isError && <ErrorState error={feed.error} what="the release log" onRetry={() => void feed.refetch()} />}
          {selected && <StepLog step={selected} lines={feed.data?.logs[selected] ?? EMPTY} />}
          <HealthResults results={feed.data?.health ?? EMPTY} />
          {feed.data && <MonitoringPanel feed={feed.data} status={r.status} startedAt={r.steps.find((s) => s.name === 'monitor')?.startedAt ?? null} />}
        </div>
      </div>
    </section>
  );
}
