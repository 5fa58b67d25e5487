// The clock port on the real time of the machine.
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '@shipgate/core';

export function createSystemClock(): Clock {
  return {
    now: () => new Date(),
    // node's timer rejects with an AbortError when the signal aborts
    sleep: async (ms, signal) => {
      await delay(Math.max(0, ms), undefined, signal === undefined ? {} : { signal });
    },
  };
}
