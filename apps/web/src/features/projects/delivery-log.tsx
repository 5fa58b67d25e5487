// The project's notification deliveries: when, what, to which target (by name: a Slack URL is a
// secret), its status, attempts and last error, and "Send again" when the server offers it
// (disabled with the reason otherwise).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deliveriesQuery, redeliver } from '../../api/deliveries';
import type { DeliveryDto, Role } from '../../api/types';
import { ErrorState } from '../../ui/query-state';
import { ScrollTable } from '../../ui/scroll-table';
import { Time } from '../../ui/time';

function statusText(d: DeliveryDto) {
  if (d.status === 'delivered') return 'Delivered';
  if (d.status === 'failed') return `Failed after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
  if (d.status === 'sending') return `Sending (attempt ${d.attempts + 1} of ${d.maxAttempts})`;
  return d.attempts === 0 ? 'Queued' : (
    <>
      Retrying: attempt {d.attempts + 1} of {d.maxAttempts} <Time iso={d.nextAttemptAt} isRelative />
    </>
  );
}

function refusal(d: DeliveryDto, role: Role | null): string | null {
  if (d.actions.includes('redeliver')) return null;
  if (role === 'viewer') return 'Viewers cannot send notifications again.';
  if (d.status === 'pending' || d.status === 'sending') return 'Still being sent: wait for its outcome.';
  return 'You may not send this again.';
}

export function DeliveryLog({ projectId, role }: { projectId: string; role: Role | null }) {
  const client = useQueryClient();
  const deliveries = useQuery(deliveriesQuery(projectId));
  const again = useMutation({ mutationFn: redeliver, onSettled: () => void client.invalidateQueries({ queryKey: deliveriesQuery(projectId).queryKey }) });
  if (deliveries.isError) return <ErrorState error={deliveries.error} what="the notification deliveries" onRetry={() => void deliveries.refetch()} />;
  if (!deliveries.data?.length) return null;
  return (
    <div className="delivery-log" data-testid="delivery-log">
      <h2>Notifications</h2>
      {role === 'viewer' && <p className="muted">Viewers cannot send notifications again.</p>}
      {again.error && <p className="state-error">{again.error.message}</p>}
      <ScrollTable label="Notification deliveries" columns={['When', 'Event', 'Target', 'Status', 'Attempts', 'Last error', '']}>
        {deliveries.data.map((d) => {
          const why = refusal(d, role);
          return (
            <tr key={d.id} data-status={d.status} data-type={d.type}>
              <td data-label="When">
                <Time iso={d.createdAt} isRelative />
              </td>
              <td data-label="Event">{d.type}</td>
              <td data-label="Target">
                {d.target.name} <span className="muted">({d.target.kind})</span>
              </td>
              <td data-label="Status">{statusText(d)}</td>
              <td data-label="Attempts">
                {d.attempts} of {d.maxAttempts}
              </td>
              <td data-label="Last error">{d.lastError ?? <span className="muted">—</span>}</td>
              <td>
                <button type="button" disabled={why !== null || again.isPending} title={why ?? undefined} onClick={() => again.mutate(d.id)}>
                  Send again
                </button>
              </td>
            </tr>
          );
        })}
      </ScrollTable>
    </div>
  );
}
