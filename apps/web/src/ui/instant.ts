// Dates in one format, in the viewer's locale and time zone: "Nov 29, 2026, 9:27 PM", or
// "3 min ago" where recency is what matters; the exact instant (seconds, zone) on hover.
const DAY_MS = 24 * 60 * 60 * 1000;

const shown = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** An ISO 8601 instant with a time of day and a zone, as the engine writes them. */
export const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

const parse = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export function instantText(iso: string): string {
  const date = parse(iso);
  return date ? shown.format(date) : iso;
}

export function exactText(iso: string): string {
  const date = parse(iso);
  return date ? exact.format(date) : iso;
}

/** "3 min ago", "in 40 sec", "yesterday" — or null when the instant is more than a day away. */
export function relativeText(iso: string, now: number): string | null {
  const date = parse(iso);
  if (!date) return null;
  const ms = date.getTime() - now;
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) return null;
  if (abs < 45_000) return ms <= 0 ? 'just now' : relative.format(Math.round(ms / 1000), 'second');
  if (abs < 60 * 60_000) return relative.format(Math.round(ms / 60_000), 'minute');
  return relative.format(Math.round(ms / 3_600_000), 'hour');
}
