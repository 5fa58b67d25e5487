// Audit: who did what, when, to what, and why — newest first, filtered by project, person and action.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { auditQuery, type AuditFilters } from '../../api/audit';
import { projectsQuery } from '../../api/projects';
import type { AuditEntryDto } from '../../api/types';
import { FilterSelect } from '../../ui/filter-select';
import { Empty, ErrorState, Loading } from '../../ui/query-state';
import { ScrollTable } from '../../ui/scroll-table';
import { Time } from '../../ui/time';

export const AUDIT_ACTIONS: Record<string, string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in refused',
  promote: 'Promoted',
  rollback: 'Rolled back',
  cancel: 'Cancelled',
  resume: 'Resumed',
  token_created: 'Created a token',
  token_revoked: 'Revoked a token',
  redeliver: 'Sent a notification again',
};

function target(entry: AuditEntryDto) {
  if (entry.releaseId) return <Link href={`/releases/${entry.releaseId}`}>{entry.projectId ? `${entry.projectId} · ` : ''}{entry.releaseId}</Link>;
  const name = entry.detail?.['name'];
  if (typeof name === 'string') return `token "${name}"`;
  return entry.projectId ?? '—';
}

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [actor, setActor] = useState('');
  const projects = useQuery(projectsQuery());
  const audit = useInfiniteQuery(auditQuery(filters));
  const set = (key: keyof AuditFilters, value: string) => setFilters(({ [key]: _, ...rest }) => (value ? { ...rest, [key]: value } : rest));
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>Audit</h1>
      <form className="filters" onSubmit={(e) => (e.preventDefault(), set('actor', actor.trim()))}>
        <FilterSelect label="Project" value={filters.project} anyLabel="All projects" options={projects.data?.map((p) => [p.id, p.name] as const) ?? []} onChange={(v) => set('project', v)} />
        <FilterSelect label="Action" value={filters.action} anyLabel="Any action" options={Object.entries(AUDIT_ACTIONS)} onChange={(v) => set('action', v)} />
        <label>
          Person{' '}
          <input type="search" value={actor} placeholder="name or id" onChange={(e) => setActor(e.target.value)} onBlur={() => set('actor', actor.trim())} />
        </label>
      </form>
      {audit.isPending && <Loading what="the audit trail" />}
      {audit.isError && <ErrorState error={audit.error} what="the audit trail" onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && items.length === 0 && <Empty>Nothing recorded{Object.keys(filters).length ? ' that matches these filters' : ' yet'}.</Empty>}
      {items.length > 0 && (
        <ScrollTable label="Audit trail" columns={['When', 'Who', 'What', 'Target', 'Reason']}>
            {items.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td data-label="When">
                  <Time iso={entry.at} />
                </td>
                <td data-label="Who" title={entry.actorId ?? undefined}>
                  {entry.actor ?? 'unknown'}
                </td>
                <td data-label="What">{AUDIT_ACTIONS[entry.action] ?? entry.action}</td>
                <td data-label="Target">{target(entry)}</td>
                <td data-label="Reason">{entry.reason ?? ''}</td>
              </tr>
            ))}
        </ScrollTable>
      )}
      {audit.hasNextPage && (
        <button type="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          Older entries
        </button>
      )}
    </section>
  );
}
