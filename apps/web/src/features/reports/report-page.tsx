// One ship report: the Markdown rendered sanitized, and a download of the .md.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { reportQuery } from '../../api/reports';
import { releaseQuery } from '../../api/releases';
import { ErrorState, Loading } from '../../ui/query-state';
import { LazyMarkdown } from './lazy-markdown';

export function ReportPage({ releaseId }: { releaseId: string }) {
  const report = useQuery(reportQuery(releaseId));
  const release = useQuery(releaseQuery(releaseId));
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (report.data === undefined) return;
    const url = URL.createObjectURL(new Blob([report.data], { type: 'text/markdown' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [report.data]);
  const chartUrl = `/api/releases/${encodeURIComponent(releaseId)}/report/monitoring.svg`;
  const name = `ship-report-${release.data?.projectId ?? 'release'}-${release.data?.version ?? releaseId}.md`;
  return (
    <section>
      <p>
        <Link href="/reports">← All ship reports</Link> · <Link href={`/releases/${releaseId}`}>Release timeline</Link>
      </p>
      {report.isPending && <Loading what="the ship report" />}
      {report.isError && <ErrorState error={report.error} what="the ship report" onRetry={() => void report.refetch()} />}
      {report.data !== undefined && (
        <>
          <p className="downloads">
            {href && (
              <a className="button" href={href} download={name}>
                <span aria-hidden="true">↓</span> Download {name}
              </a>
            )}
            {/* the report links its chart as a file beside it: download both to keep them together */}
            {/-monitoring\.svg\)/.test(report.data) && (
              <a className="button" href={chartUrl} download={report.data.match(/\(([\w.-]+-monitoring\.svg)\)/)?.[1] ?? 'monitoring.svg'}>
                <span aria-hidden="true">↓</span> Download its chart (SVG)
              </a>
            )}
          </p>
          <article className="report">
            <LazyMarkdown source={report.data} label="Ship report" chart chartUrl={chartUrl} />
          </article>
        </>
      )}
    </section>
  );
}
