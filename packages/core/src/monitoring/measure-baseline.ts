// The baseline: production's numbers in a window just before the deploy. A source with history
// (prometheus) answers for the past at once; a scrape source reads /metrics twice, `seconds` apart.
import type { CoreContext } from '../context.js';
import type { MetricSource, WindowStats } from './metric-source.js';
import { sleepUntil } from './sleep-until.js';

export interface MeasureBaselineInput {
  ctx: CoreContext;
  source: MetricSource;
  /** Length of the baseline window (monitoring.baselineSeconds, or shorter in the demo). */
  seconds: number;
  signal?: AbortSignal;
  log?: (line: string, stream?: 'info' | 'warn') => void;
}

export async function measureBaseline(input: MeasureBaselineInput): Promise<WindowStats> {
  const { ctx, source, seconds, signal } = input;
  if (source.keepsHistory) {
    const end = ctx.clock.now();
    const start = new Date(end.getTime() - seconds * 1000);
    const coverage = source.coverage ? await source.coverage(start, end, signal) : 1;
    if (coverage < 0.9) {
      input.log?.(`the baseline covers only ${Math.round(coverage * 100)}% of its ${seconds} s: production recorded no traffic for the rest (not scraped, down, or new), so it weighs less than it seems`, 'warn');
    }
    return source.window(start, end, signal);
  }
  input.log?.(`measuring the baseline for ${seconds} s before the deploy`, 'info');
  const start = ctx.clock.now();
  await source.observe(signal);
  await sleepUntil(ctx.clock, new Date(start.getTime() + seconds * 1000), signal);
  await source.observe(signal);
  return source.window(start, ctx.clock.now(), signal);
}
