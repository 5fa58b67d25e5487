// The project's notification deliveries (GET /api/projects/:id/deliveries) and "send again".
import { queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from './http';
import type { DeliveryDto } from './types';

const isUnderWay = (d: DeliveryDto) => d.status === 'pending' || d.status === 'sending';

export const deliveriesQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['projects', projectId, 'deliveries'],
    queryFn: () => getJson<DeliveryDto[]>(`/api/projects/${encodeURIComponent(projectId)}/deliveries`),
    // deliveries are not release events: look again soon while one is under way, now and then otherwise
    refetchInterval: (query) => (query.state.data?.some(isUnderWay) ? 2_000 : 15_000),
  });

export const redeliver = (id: string) => sendJson<DeliveryDto>('POST', `/api/deliveries/${encodeURIComponent(id)}/redeliver`);
