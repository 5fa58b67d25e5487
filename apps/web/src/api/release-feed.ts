// The live feed of one release, folded from its events: logs per step, health results,
// monitoring samples and verdict. Pure: live-updates.ts applies it to the query cache.
import type { HealthResult, MonitorSample, MonitorVerdictValue, SeqEvent } from './types';

export interface LogLine {
  seq: number;
  line: string;
  stream: string;
}

export interface ReleaseFeed {
  lastSeq: number;
  logs: Record<string, LogLine[]>;
  health: HealthResult[];
  samples: MonitorSample[];
  verdict: { verdict: MonitorVerdictValue; reason: string } | null;
  statusReason: string | null;
  /** The pre-deploy baseline measurement, when it has a duration (its own phase on the page). */
  baseline: { startedAt: string; endsAt: string; seconds: number } | null;
}

export const emptyFeed = (): ReleaseFeed => ({ lastSeq: 0, logs: {}, health: [], samples: [], verdict: null, statusReason: null, baseline: null });

/** Appends events newer than feed.lastSeq, in seq order; older or repeated seqs are dropped. */
export function applyToFeed(feed: ReleaseFeed, events: readonly SeqEvent[]): ReleaseFeed {
  const fresh = events.filter((e) => e.seq > feed.lastSeq).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return feed;
  const next: ReleaseFeed = { ...feed, logs: { ...feed.logs } };
  const grown = new Set<string>();
  for (const { seq, event } of fresh) {
    if (seq <= next.lastSeq) continue;
    next.lastSeq = seq;
    switch (event.type) {
      case 'step.log': {
        if (!grown.has(event.step)) {
          next.logs[event.step] = [...(next.logs[event.step] ?? [])];
          grown.add(event.step);
        }
        next.logs[event.step]?.push({ seq, line: event.line, stream: event.stream ?? 'stdout' });
        break;
      }
      case 'health.result':
        next.health = [...next.health, event.result];
        break;
      case 'monitor.baseline':
        next.baseline = { startedAt: event.startedAt, endsAt: event.endsAt, seconds: event.seconds };
        break;
      case 'monitor.sample':
        next.samples = [...next.samples, event.sample];
        break;
      case 'monitor.verdict':
        next.verdict = { verdict: event.verdict, reason: event.reason };
        // the verdict repeats the evaluation that decided it: keep that sample once
        if (event.sample && event.sample.at !== next.samples.at(-1)?.at) next.samples = [...next.samples, event.sample];
        break;
      case 'release.status':
        next.statusReason = event.reason ?? null;
        break;
      default:
        break;
    }
  }
  return next;
}
