// Waits on the injected clock until an instant (no wait when it has passed); an abort becomes CANCELLED.
import type { Clock } from '../context.js';
import { ShipgateError } from '../errors.js';

export async function sleepUntil(clock: Clock, instant: Date, signal?: AbortSignal): Promise<void> {
  const ms = instant.getTime() - clock.now().getTime();
  try {
    if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    if (ms > 0) await clock.sleep(ms, signal);
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') {
      throw new ShipgateError('CANCELLED', 'monitoring was cancelled', { cause: error });
    }
    throw error;
  }
}
