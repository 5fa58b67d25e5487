// Small formatting helpers for durations and times.
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function durationBetween(start: string | null, end: string | null, now: number): string {
  if (!start) return '—';
  return formatDuration((end ? Date.parse(end) : now) - Date.parse(start));
}
