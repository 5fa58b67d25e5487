// The one place WebSocket events reach the query cache (CONVENTIONS 11). One socket per
// tab: the "releases" topic refreshes lists; a subscribed release gets its events in seq
// order. On a drop it reconnects with backoff and resubscribes after the last seq it has,
// and applyToFeed drops any seq it already holds, so nothing is missing or doubled.
import { isLiveStatus } from '@shipgate/contract';
import type { QueryClient } from '@tanstack/react-query';
import { planQuery, projectsQuery } from './projects';
import { releaseFeedQuery } from './release-events';
import { applyToFeed } from './release-feed';
import { applyToRelease } from './release-patch';
import { allReleasesKey, releaseQuery } from './releases';
import { reportsQuery } from './reports';
import { setConnection } from './connection-state';
import type { SeqEvent, ServerMessage } from './types';


export class LiveUpdates {
  private socket: WebSocket | null = null;
  private readonly watched = new Map<string, number>();
  private readonly buffered = new Map<string, SeqEvent[]>();
  private flushTimer: number | null = null;
  private attempt = 0;
  private pausedUntil = 0;
  private retryTimer: number | null = null;
  private connectedBefore = false;

  constructor(private readonly client: QueryClient) {}

  start(): void {
    if (this.socket || this.retryTimer !== null) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    setConnection(this.attempt === 0 ? 'connecting' : 'reconnecting');
    socket.onopen = () => {
      this.attempt = 0;
      setConnection('live');
      this.send({ type: 'subscribe', topic: 'releases' });
      for (const id of this.watched.keys()) this.subscribe(id);
      // status changes while offline never reached the "releases" topic (a restarted server
      // marks running releases interrupted before anyone listens): everything is stale
      if (this.connectedBefore) this.refreshAll();
      this.connectedBefore = true;
    };
    socket.onmessage = (message) => this.receive(JSON.parse(String(message.data)) as ServerMessage);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  /** Follow one release; returns the function that stops following it. */
  watch(releaseId: string): () => void {
    this.watched.set(releaseId, (this.watched.get(releaseId) ?? 0) + 1);
    if (this.watched.get(releaseId) === 1 && this.socket?.readyState === WebSocket.OPEN) this.subscribe(releaseId);
    return () => {
      const count = (this.watched.get(releaseId) ?? 1) - 1;
      if (count > 0) return void this.watched.set(releaseId, count);
      this.watched.delete(releaseId);
      this.send({ type: 'unsubscribe', releaseId });
    };
  }

  /** Test hook and manual control: drop the socket, and stay offline for pauseMs. */
  drop(pauseMs = 0): void {
    this.pausedUntil = Date.now() + pauseMs;
    this.socket?.close();
  }

  private subscribe(releaseId: string): void {
    const after = this.client.getQueryData(releaseFeedQuery(releaseId).queryKey)?.lastSeq ?? 0;
    this.send({ type: 'subscribe', releaseId, after, batch: true });
  }

  private scheduleReconnect(): void {
    setConnection('reconnecting');
    const backoff = Math.min(10_000, 250 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt += 1;
    const delay = Math.max(backoff, this.pausedUntil - Date.now());
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, delay);
  }

  private send(message: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'events') {
      // a release subscription (batch mode): the feed and the release object
      if (!this.watched.has(message.releaseId)) return;
      const list = this.buffered.get(message.releaseId) ?? [];
      // one by one: spreading a replay of hundreds of thousands of events overflows the call stack
      for (const item of message.items) list.push(item);
      this.buffered.set(message.releaseId, list);
      this.flushTimer ??= window.setTimeout(() => this.flush(), 50);
    } else if (message.type === 'event' && message.event.type === 'release.status') {
      // the "releases" topic: a status changed somewhere, lists are stale
      this.refreshLists();
      // the plan changes when a run stops (or is deployed and watched): not while it works, nor
      // while a release waits for approvals (nothing was pushed)
      const { status } = message.event;
      if ((!isLiveStatus(status) && status !== 'awaiting_approval') || status === 'monitoring') this.refreshPlans();
    }
  }

  private refreshLists(): void {
    void this.client.invalidateQueries({ queryKey: projectsQuery().queryKey });
    void this.client.invalidateQueries({ queryKey: allReleasesKey() });
    void this.client.invalidateQueries({ queryKey: reportsQuery().queryKey });
  }

  private refreshAll(): void {
    this.refreshLists();
    this.refreshPlans();
  }

  private flush(): void {
    this.flushTimer = null;
    for (const [releaseId, events] of this.buffered) {
      const feedKey = releaseFeedQuery(releaseId).queryKey;
      const feed = this.client.getQueryData(feedKey);
      if (!feed) continue; // the feed query is still loading; subscribe() runs again once it lands
      const fresh = events.filter((e) => e.seq > feed.lastSeq);
      this.client.setQueryData(feedKey, applyToFeed(feed, fresh));
      this.client.setQueryData(releaseQuery(releaseId).queryKey, (release) => release && applyToRelease(release, fresh));
    }
    this.buffered.clear();
  }

  private refreshPlans(): void {
    for (const project of this.client.getQueryData(projectsQuery().queryKey) ?? []) {
      void this.client.invalidateQueries({ queryKey: planQuery(project.id).queryKey });
    }
  }
}
