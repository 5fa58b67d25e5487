// Small helpers the check kinds share (not part of the public API).
import type { CoreContext } from '../context.js';

/** Milliseconds between two readings of the context's clock. */
export function elapsedMs(ctx: CoreContext, since: Date): number {
  return Math.max(0, ctx.clock.now().getTime() - since.getTime());
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line, at most `max` characters, for tables and event fields. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
