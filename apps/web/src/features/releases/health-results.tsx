// Health-check results as they land (final results, plus the latest attempt while retrying).
// A miss that is retried reads as a retry, not as a failure; a pass after retries says so.
import type { HealthResult } from '../../api/types';
import { Empty } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';
import { ScrollTable } from '../../ui/scroll-table';

export function HealthResults({ results }: { results: HealthResult[] }) {
  const latest = new Map<string, HealthResult>();
  for (const r of results) latest.set(`${r.phase}:${r.check}`, r);
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Health checks</h2>
      {latest.size === 0 ? (
        <Empty>No health results yet.</Empty>
      ) : (
        <ScrollTable columns={['Check', 'Result', 'Observed', 'Latency', 'Attempts', 'After']}>
          {[...latest.values()].map((r) => (
            <tr key={`${r.phase}:${r.check}`}>
              <td data-label="Check" className="card-title">
                {r.check} <span className="muted">({r.severity})</span>
              </td>
              <td data-label="Result">
                {r.final || r.outcome === 'pass' ? <StatusBadge status={r.outcome} /> : <Retrying />}
              </td>
              <td data-label="Observed" title={r.detail}>
                {r.observed}
              </td>
              <td data-label="Latency">{r.latencyMs === null ? '—' : `${Math.round(r.latencyMs)} ms`}</td>
              <td data-label="Attempts">{attemptsText(r)}</td>
              <td data-label="After">{r.phase}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function Retrying() {
  return (
    <span className="badge badge-busy">
      <span aria-hidden="true">↻</span> Retrying
    </span>
  );
}

function attemptsText(r: HealthResult): string {
  if (r.attempt <= 1) return '1';
  const retries = r.attempt - 1;
  return `${r.attempt} (${retries} ${retries === 1 ? 'retry' : 'retries'})`;
}
