// A release and its live feed: follows the release over the socket once the feed is loaded,
// so the subscription starts right after the last seq the feed holds.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveUpdates } from './query-client';
import { releaseFeedQuery } from './release-events';
import { releaseQuery } from './releases';

export function useLiveRelease(id: string) {
  const release = useQuery(releaseQuery(id));
  const feed = useQuery(releaseFeedQuery(id));
  const isFeedLoaded = feed.data !== undefined;
  useEffect(() => (isFeedLoaded ? liveUpdates.watch(id) : undefined), [id, isFeedLoaded]);
  return { release, feed };
}
