// History: every release, filtered by project and status, paginated by cursor.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearch } from 'wouter';
import { projectsQuery } from '../../api/projects';
import { releaseHistoryQuery, type ReleaseFilters } from '../../api/releases';
import { durationBetween } from '../../ui/format';
import { FilterSelect } from '../../ui/filter-select';
import { Empty, ErrorState, Loading } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';
import { Time } from '../../ui/time';
import { LIFECYCLE, RELEASE_STATUSES } from '@shipgate/contract';
import { filtersFromSearch, searchFromFilters } from './history-filters';
import { ScrollTable } from '../../ui/scroll-table';

export function HistoryPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = filtersFromSearch(search);
  const projects = useQuery(projectsQuery());
  const history = useInfiniteQuery(releaseHistoryQuery(filters));
  const set = (key: keyof ReleaseFilters, value: string) => {
    const { [key]: _, ...rest } = filters;
    navigate(`/history${searchFromFilters(value ? { ...rest, [key]: value } : rest)}`, { replace: true });
  };
  const filtered = Boolean(filters.project || filters.status);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>History</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="Project" value={filters.project} anyLabel="All projects" options={projects.data?.map((p) => [p.id, p.name] as const) ?? []} onChange={(v) => set('project', v)} />
        <FilterSelect label="Status" value={filters.status} anyLabel="Any status" options={RELEASE_STATUSES.map((s) => [s, LIFECYCLE[s].label] as const)} onChange={(v) => set('status', v)} />
      </form>
      {history.isPending && <Loading what="releases" />}
      {history.isError && <ErrorState error={history.error} what="releases" onRetry={() => void history.refetch()} />}
      {history.isSuccess && items.length === 0 &&
        (filtered ? (
          <Empty>
            No releases match these filters. <Link href="/history">Clear the filters</Link>
          </Empty>
        ) : (
          <Empty>
            No releases yet. Promote one from <Link href="/projects">Projects</Link>.
          </Empty>
        ))}
      {items.length > 0 && (
        <ScrollTable columns={['Release', 'Project', 'Outcome', 'Actor', 'Started', 'Duration']}>
          {items.map((r) => (
            <tr key={r.id}>
              <td data-label="Release" className="card-title">
                {r.kind === 'rollback' ? (
                  <>
                    <Link href={`/releases/${r.id}`}>Rollback to {r.version ?? '?'}</Link>
                    {r.rollbackOf && (
                      <span className="muted">
                        {' '}
                        (replaced <Link href={`/releases/${r.rollbackOf}`}>{r.previousVersion ?? 'a release'}</Link>)
                      </span>
                    )}
                  </>
                ) : (
                  <Link href={`/releases/${r.id}`}>{r.version ?? r.id}</Link>
                )}
                {r.dryRun && <span className="muted"> (dry run)</span>}
                {r.rolledBackBy && (
                  <span className="muted">
                    {' '}
                    · <Link href={`/releases/${r.rolledBackBy}`}>rolled back by hand</Link>
                  </span>
                )}
              </td>
              <td data-label="Project">{r.projectId}</td>
              <td data-label="Outcome">
                <StatusBadge status={r.status} />
              </td>
              <td data-label="Actor">{r.actor}</td>
              <td data-label="Started">
                <Time iso={r.startedAt ?? r.createdAt} isRelative />
              </td>
              <td data-label="Duration">{durationBetween(r.startedAt ?? r.createdAt, r.finishedAt, Date.now())}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {history.hasNextPage && (
        <button type="button" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
