// The tab's query client and its one live-updates connection.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './http';
import { LiveUpdates } from './live-updates';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // a 4xx is final; a 5xx or an unreachable server (status 0) is worth another try
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
    },
  },
});

export const liveUpdates = new LiveUpdates(queryClient);

declare global {
  interface Window {
    /** Test hook: e2e specs cut the socket to prove a resume leaves no gap. */
    __shipgate?: { dropSocket: (pauseMs?: number) => void };
  }
}
window.__shipgate = { dropSocket: (pauseMs) => liveUpdates.drop(pauseMs) };
