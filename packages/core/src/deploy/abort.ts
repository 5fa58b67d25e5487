// Cancellation of a deploy surfaces as one coded error, whichever wait it interrupted.
import { ShipgateError } from '../errors.js';

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function abortedError(what: string): ShipgateError {
  return new ShipgateError('CANCELLED', `${what} cancelled`);
}

/** ctx.clock.sleep that turns an abort into CANCELLED. */
export async function sleepOrCancel(
  clock: { sleep(ms: number, signal?: AbortSignal): Promise<void> },
  ms: number,
  signal: AbortSignal | undefined,
  what: string,
): Promise<void> {
  if (signal?.aborted) throw abortedError(what);
  try {
    await clock.sleep(ms, signal);
  } catch (error) {
    if (isAbortError(error) || signal?.aborted) throw abortedError(what);
    throw error;
  }
}
