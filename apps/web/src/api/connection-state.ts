// The live connection's state, for the "Live / Reconnecting" indicator.
import { useSyncExternalStore } from 'react';

export type Connection = 'connecting' | 'live' | 'reconnecting';

let current: Connection = 'connecting';
const listeners = new Set<() => void>();

export function setConnection(next: Connection): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

export function useConnection(): Connection {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
