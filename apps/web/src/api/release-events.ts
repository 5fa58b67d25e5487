// The event feed of a release as a query: seeded from GET /events, then kept current by
// live-updates.ts (the only writer after the first fetch). Its key sits outside ['releases']
// on purpose: a refetch racing the socket could drop events, so it is never invalidated.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './http';
import { applyToFeed, emptyFeed } from './release-feed';
import type { ReleaseEvent } from './types';

type StoredEvent = { seq: number; at: string } & ReleaseEvent;

export async function fetchReleaseEvents(id: string) {
  const rows = await getJson<StoredEvent[]>(`/api/releases/${encodeURIComponent(id)}/events?after=0`);
  return applyToFeed(
    emptyFeed(),
    rows.map(({ seq, at, ...event }) => ({ seq, at, event: event as ReleaseEvent })),
  );
}

export const releaseFeedQuery = (id: string) =>
  queryOptions({ queryKey: ['release-feed', id], queryFn: () => fetchReleaseEvents(id), staleTime: Infinity, gcTime: 60_000 });
