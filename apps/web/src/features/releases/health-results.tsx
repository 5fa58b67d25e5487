// Health-check results as they land (final results, plus the latest attempt while retrying).
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
        <ScrollTable columns={['Check', 'Result', 'Observed', 'Latency', 'Attempt', 'After']}>
          {[...latest.values()].map((r) => (
            <tr key={`${r.phase}:${r.check}`}>
              <td>
                {r.check} <span className="muted">({r.severity})</span>
              </td>
              <td>
                <StatusBadge status={r.outcome} /> {!r.final && <span className="muted">retrying</span>}
              </td>
              <td title={r.detail}>{r.observed}</td>
              <td>{r.latencyMs === null ? '—' : `${Math.round(r.latencyMs)} ms`}</td>
              <td>{r.attempt}</td>
              <td>{r.phase}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
