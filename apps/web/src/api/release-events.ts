// The event feed of a release as a query: seeded from GET /events, then kept current by
// live-updates.ts (the only writer after the first fetch). Its key sits outside ['releases']
// on purpose: a refetch racing the socket could drop events, so it is never invalidated.
import { queryOptions } from '@tanstack/react-query';
import { http } from './http';
import { applyToFeed, emptyFeed } from './release-feed';
import type { ReleaseEvent } from './types';

type StoredEvent = { seq: number; at: string } & ReleaseEvent;

/** All stored events, page by page (the server pages them; its Link header names the next page). */
export async function fetchReleaseEvents(id: string) {
  let feed = emptyFeed();
  let next: string | null = `/api/releases/${encodeURIComponent(id)}/events?after=0`;
  while (next !== null) {
    const res = await http(next);
    const rows = (await res.json()) as StoredEvent[];
    feed = applyToFeed(
      feed,
      rows.map(({ seq, at, ...event }) => ({ seq, at, event: event as ReleaseEvent })),
    );
    next = rows.length > 0 ? nextPage(res.headers.get('link')) : null;
  }
  return feed;
}

function nextPage(link: string | null): string | null {
  const match = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return match?.[1] && match[1].startsWith('/api/') ? match[1] : null;
}

export const releaseFeedQuery = (id: string) =>
  queryOptions({ queryKey: ['release-feed', id], queryFn: () => fetchReleaseEvents(id), staleTime: Infinity, gcTime: 60_000 });
