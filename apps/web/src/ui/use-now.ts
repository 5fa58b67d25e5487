// The current time, re-rendering every second while `isTicking`.
import { useEffect, useState } from 'react';

export function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [isTicking]);
  return isTicking ? now : Date.now();
}
