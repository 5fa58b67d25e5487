import { describe, expect, it } from 'vitest';
import type { Http } from '../context.js';
import { fakeContext, ManualClock } from '../testing/fake-context.js';
import { measureBaseline } from './measure-baseline.js';
import type { MetricSource } from './metric-source.js';
import { createScrapeSource } from './scrape-source.js';

/** A clock that moves on a millisecond each time it is read, as a real one does under load. */
class TickingClock extends ManualClock {
  override now(): Date {
    const at = super.now();
    this.advance(1);
    return at;
  }
}

function recordingSource(keepsHistory: boolean, clock: ManualClock): MetricSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: 'recording',
    keepsHistory,
    calls,
    async observe() {
      calls.push(`observe ${clock.now().toISOString()}`);
    },
    async window(from, to) {
      calls.push(`window ${from.toISOString()} ${to.toISOString()}`);
      return { from: from.toISOString(), to: to.toISOString(), requests: 700, errors: 3, histogram: null, p95Ms: 120 };
    },
  };
}

describe('measureBaseline', () => {
  it('reads a scrape source twice, the baseline length apart', async () => {
    const clock = new ManualClock();
    const source = recordingSource(false, clock);
    const stats = await measureBaseline({ ctx: fakeContext({ clock }), source, seconds: 15 });
    expect(stats.requests).toBe(700);
    expect(source.calls).toEqual([
      'observe 2026-11-26T10:00:00.000Z',
      'observe 2026-11-26T10:00:15.000Z',
      'window 2026-11-26T10:00:00.000Z 2026-11-26T10:00:15.000Z',
    ]);
  });

  it('asks a source with history for the window that just ended, without waiting', async () => {
    const clock = new ManualClock();
    const source = recordingSource(true, clock);
    await measureBaseline({ ctx: fakeContext({ clock }), source, seconds: 300 });
    expect(source.calls).toEqual(['window 2026-11-26T09:55:00.000Z 2026-11-26T10:00:00.000Z']);
    expect(clock.now().toISOString()).toBe('2026-11-26T10:00:00.000Z');
  });

  it('says out loud when a source with history saw traffic in only part of the baseline', async () => {
    const clock = new ManualClock();
    const source = { ...recordingSource(true, clock), coverage: async () => 0.4 };
    const lines: string[] = [];
    await measureBaseline({ ctx: fakeContext({ clock }), source, seconds: 900, log: (line, stream) => lines.push(`${stream}: ${line}`) });
    expect(lines).toEqual([expect.stringMatching(/^warn: the baseline covers only 40% of its 900 s/)]);
    const full = { ...recordingSource(true, clock), coverage: async () => 1 };
    const quiet: string[] = [];
    await measureBaseline({ ctx: fakeContext({ clock }), source: full, seconds: 900, log: (line) => quiet.push(line) });
    expect(quiet).toEqual([]);
  });

  it('cuts the baseline into intervals: a scrape source is read at every boundary, a source with history is asked per interval', async () => {
    const clock = new ManualClock();
    const scrape = recordingSource(false, clock);
    const stats = await measureBaseline({ ctx: fakeContext({ clock }), source: scrape, seconds: 30, sliceSeconds: 10 });
    expect(scrape.calls.filter((c) => c.startsWith('observe'))).toEqual([
      'observe 2026-11-26T10:00:00.000Z',
      'observe 2026-11-26T10:00:10.000Z',
      'observe 2026-11-26T10:00:20.000Z',
      'observe 2026-11-26T10:00:30.000Z',
    ]);
    expect(stats.slices?.map((s) => `${s.from.slice(17, 19)}–${s.to.slice(17, 19)}`)).toEqual(['00–10', '10–20', '20–30']);

    const history = recordingSource(true, clock);
    const past = await measureBaseline({ ctx: fakeContext({ clock }), source: history, seconds: 30, sliceSeconds: 10 });
    expect(past.slices).toHaveLength(3);
    expect(history.calls).toContain('window 2026-11-26T10:00:20.000Z 2026-11-26T10:00:30.000Z');
  });

  it('merges two intervals when a reading in the middle fails, and says so', async () => {
    const clock = new ManualClock();
    const source = recordingSource(false, clock);
    const observe = source.observe.bind(source);
    source.observe = async () => {
      if (clock.now().toISOString().endsWith(':10.000Z')) throw new Error('timeout');
      await observe();
    };
    const lines: string[] = [];
    const stats = await measureBaseline({ ctx: fakeContext({ clock }), source, seconds: 30, sliceSeconds: 10, log: (line) => lines.push(line) });
    expect(stats.slices?.map((s) => `${s.from.slice(17, 19)}–${s.to.slice(17, 19)}`)).toEqual(['00–20', '20–30']);
    expect(lines).toContain('a baseline reading failed (timeout); its two intervals count as one');
  });

  it('measures a real scrape source whose readings are stamped a millisecond after the boundary (the demo flake)', async () => {
    const clock = new TickingClock();
    let served = 0;
    const http: Http = async () => {
      served += 1;
      return { status: 200, headers: {}, body: `# TYPE http_requests_total counter\nhttp_requests_total{status="200"} ${served * 100}\nhttp_requests_total{status="500"} ${served}\n` };
    };
    const ctx = fakeContext({ clock, http });
    const stats = await measureBaseline({ ctx, source: createScrapeSource(ctx, { url: 'http://127.0.0.1:9/metrics' }), seconds: 15, sliceSeconds: 5 });
    expect(served).toBe(4);
    expect(stats.slices).toHaveLength(3);
    expect(stats.slices?.map((slice) => slice.requests)).toEqual([101, 101, 101]);
  });
});
