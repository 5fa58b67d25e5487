// The baseline: production's numbers in a window just before the deploy, cut into intervals as
// long as the evaluation interval (`sliceSeconds`), so the judge can see how much production
// varies from one interval to the next (error bursts, slow minutes). A source with history
// (prometheus) answers for the past at once; a scrape source reads /metrics at every interval
// boundary. A reading that fails in the middle only merges two intervals; the first and the
// last must succeed.
import type { CoreContext } from '../context.js';
import type { MetricSource, WindowStats } from './metric-source.js';
import { sleepUntil } from './sleep-until.js';

/** More intervals than this and they are made longer: the rank comparison needs no more. */
const MAX_SLICES = 240;

export interface MeasureBaselineInput {
  ctx: CoreContext;
  source: MetricSource;
  /** Length of the baseline window (monitoring.baselineSeconds, or shorter in the demo). */
  seconds: number;
  /** Length of one interval (monitoring.intervalSeconds); default: the whole window is one. */
  sliceSeconds?: number;
  signal?: AbortSignal;
  log?: (line: string, stream?: 'info' | 'warn') => void;
}

export async function measureBaseline(input: MeasureBaselineInput): Promise<WindowStats> {
  const { ctx, source, seconds, signal } = input;
  const sliceMs = Math.max(input.sliceSeconds ?? seconds, seconds / MAX_SLICES) * 1000;
  if (source.keepsHistory) {
    const end = ctx.clock.now();
    const start = new Date(end.getTime() - seconds * 1000);
    const coverage = source.coverage ? await source.coverage(start, end, signal) : 1;
    if (coverage < 0.9) {
      input.log?.(`the baseline covers only ${Math.round(coverage * 100)}% of its ${seconds} s: production recorded no traffic for the rest (not scraped, down, or new), so it weighs less than it seems`, 'warn');
    }
    const whole = await source.window(start, end, signal);
    const bounds = boundaries(start.getTime(), end.getTime(), sliceMs);
    if (bounds.length <= 2) return whole;
    const slices: WindowStats[] = [];
    for (let i = 1; i < bounds.length; i++) slices.push(await source.window(new Date(bounds[i - 1]!), new Date(bounds[i]!), signal));
    return { ...whole, slices };
  }
  const startMs = ctx.clock.now().getTime();
  const bounds = boundaries(startMs, startMs + seconds * 1000, sliceMs);
  await source.observe(signal);
  // each boundary is the time once its reading is in: a reading is stamped as it starts, which
  // can be a millisecond after we woke up, and the source looks for the reading at or before
  const observed = [ctx.clock.now()];
  for (let i = 1; i < bounds.length; i++) {
    await sleepUntil(ctx.clock, new Date(bounds[i]!), signal);
    if (i === bounds.length - 1) {
      await source.observe(signal);
      observed.push(ctx.clock.now());
      continue;
    }
    try {
      await source.observe(signal);
      observed.push(ctx.clock.now());
    } catch (error) {
      if ((error as { code?: string }).code === 'CANCELLED') throw error;
      input.log?.(`a baseline reading failed (${error instanceof Error ? error.message : String(error)}); its two intervals count as one`, 'warn');
    }
  }
  const whole = await source.window(observed[0]!, observed.at(-1)!, signal);
  if (observed.length <= 2) return whole;
  const slices: WindowStats[] = [];
  for (let i = 1; i < observed.length; i++) slices.push(await source.window(observed[i - 1]!, observed[i]!, signal));
  return { ...whole, slices };
}

/** start, start + slice, … , end (the last interval is between half and one and a half slices long). */
function boundaries(startMs: number, endMs: number, sliceMs: number): number[] {
  const bounds = [startMs];
  for (let at = startMs + sliceMs; at < endMs - sliceMs / 2; at += sliceMs) bounds.push(at);
  bounds.push(endMs);
  return bounds;
}
