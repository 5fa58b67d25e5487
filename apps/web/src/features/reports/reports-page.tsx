// Ship reports, newest first.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { reportsQuery } from '../../api/reports';
import { Empty, ErrorState, Loading } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';
import { Time } from '../../ui/time';

export function ReportsPage() {
  const reports = useQuery(reportsQuery());
  if (reports.isPending) return <Loading what="ship reports" />;
  if (reports.isError) return <ErrorState error={reports.error} what="ship reports" onRetry={() => void reports.refetch()} />;
  return (
    <section>
      <h1>Ship reports</h1>
      {reports.data.length === 0 ? (
        <Empty>No ship reports yet: each release writes one when it finishes.</Empty>
      ) : (
        <ul className="report-list">
          {reports.data.map((r) => (
            <li key={r.releaseId}>
              <Link href={`/reports/${r.releaseId}`}>
                {r.project} {r.version ?? r.releaseId}
              </Link>{' '}
              <StatusBadge status={r.status} /> <span className="muted">
                <Time iso={r.createdAt} isRelative />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
