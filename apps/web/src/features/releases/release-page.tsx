// The live release: timeline, monitoring (first, once it runs: the charts, the verdict and
// the time left are what a person waits for), health results, the selected step's log (on
// request while monitoring), and the actions the server offers (cancel, resume, roll back).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { useConnection } from '../../api/connection-state';
import { ApiError } from '../../api/http';
import { isActive } from '../../api/releases';
import { fetchReport, reportQuery } from '../../api/reports';
import { useLiveRelease } from '../../api/use-live-release';
import { durationBetween, formatDuration } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';
import { TextWithTimes, Time } from '../../ui/time';
import { useNow } from '../../ui/use-now';
import { HealthResults } from './health-results';
import { hasMonitoring, MonitoringPanel } from './monitoring-panel';
import { ApprovalPanel } from './approval-panel';
import { ReleaseActions } from './release-actions';
import { StepLog } from './step-log';
import { StepTimeline } from './step-timeline';
import { monitoringOutcome } from './verdict-words';

const EMPTY: never[] = [];

export function ReleasePage({ releaseId }: { releaseId: string }) {
  const { release, feed } = useLiveRelease(releaseId);
  const [picked, setPicked] = useState<string | null>(null);
  const [logToggle, setLogToggle] = useState<boolean | null>(null);
  const connection = useConnection();
  const now = useNow(release.data ? isActive(release.data) : false);
  // link the ship report only when there is one (a release that ended before its report has none)
  // (keyed by status and end time too: a release resumed after an interruption gets its report later)
  // a release awaiting approval has not run yet: no report, and it is not finished
  const isAwaiting = release.data?.status === 'awaiting_approval';
  const ended = release.data !== undefined && !isActive(release.data) && !isAwaiting;
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
  const baseline = feed.data?.baseline ?? null;
  const isMeasuringBaseline = baseline !== null && r.steps.some((s) => s.name === 'deploy' && s.status === 'running') && Date.parse(baseline.endsAt) > now;
  const verdict = feed.data?.verdict ?? null;
  const barText = r.error
    ? r.error.code === 'MONITOR_FAILED' && verdict
      ? monitoringOutcome(r) // which number crossed which line: the verdict, right below
      : `${r.error.message}${r.error.hint ? ` — ${r.error.hint}` : ''}`
    : isMeasuringBaseline
      ? `Measuring production before the deploy: ${formatDuration(Date.parse(baseline.endsAt) - now)} left. Production has not changed yet.`
      : (feed.data?.statusReason ?? '');
  const isMonitoringShown = hasMonitoring(feed.data, r);
  // the log is open while steps run, and on request once monitoring (the charts) is what matters
  const isLogOpen = logToggle ?? !isMonitoringShown;
  const pick = (step: string) => {
    setPicked(step);
    setLogToggle(true);
  };
  return (
    <section>
      <div className="release-head">
        <h1>
          <Link href={`/projects/${r.projectId}`}>{r.projectId}</Link> {r.version ?? 'release'}
        </h1>
        <StatusBadge status={r.status} />
        {isAwaiting ? (
          <span className="connection connection-waiting" role="status">
            <span aria-hidden="true">⏸</span> Waiting for approval
          </span>
        ) : isActive(r) ? (
          <span className={`connection connection-${connection}`} role="status">
            <span aria-hidden="true">{connection === 'live' ? '●' : '○'}</span> {connection === 'live' ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
          </span>
        ) : (
          <span className="connection connection-finished" role="status">
            <span aria-hidden="true">■</span> Finished
          </span>
        )}
      </div>
      <p className="muted" data-testid="release-summary">
        {r.previousVersion ?? '?'} → {r.version ?? '?'} · by {r.actor} · {isAwaiting ? 'requested' : 'started'} <Time iso={r.startedAt ?? r.createdAt} isRelative now={now} />
        {!isAwaiting && (
          <>
            {' · '}
            {isActive(r) ? 'running for' : 'took'} {durationBetween(r.startedAt ?? r.createdAt, r.finishedAt, now)}
          </>
        )}
        {r.dryRun && ' · dry run'}
        {ended && report.data !== undefined && (
          <>
            {' · '}
            <Link href={`/reports/${r.id}`}>Ship report</Link>
          </>
        )}
        {ended && report.error instanceof ApiError && report.error.status === 404 && ' · no ship report yet'}
      </p>
      {/* One bar of fixed height: the status line and the actions swap in place, so nothing
          below moves while the release streams. */}
      <div className="release-bar" data-active={isActive(r)}>
        <p className={`release-bar-status${r.error ? ' state state-error' : ''}`} role="status" title={barText || undefined}>
          {barText && !r.error && (
            <span className="status-icon" aria-hidden="true">
              {isActive(r) ? '◔' : 'ℹ'}
            </span>
          )}
          <TextWithTimes text={barText} />
        </p>
        <ReleaseActions release={r} projectName={r.projectId} />
      </div>
      <ApprovalPanel release={r} />
      <div className="release-grid">
        <StepTimeline steps={r.steps} baseline={baseline} selected={selected} onSelect={pick} />
        <div className="release-main">
          {feed.isError && <ErrorState error={feed.error} what="the release log" onRetry={() => void feed.refetch()} />}
          {feed.data && <MonitoringPanel feed={feed.data} release={r} />}
          {selected && <StepLog step={selected} lines={feed.data?.logs[selected] ?? EMPTY} isOpen={isLogOpen} onToggle={setLogToggle} />}
          <HealthResults results={feed.data?.health ?? EMPTY} />
        </div>
      </div>
    </section>
  );
}
