// Deployment freezes (CONTRACT §7 `freezes`): fixed windows (`from`/`to`, instants) and
// recurring ones (`days` of the week in a named IANA time zone, e.g. weekends in Berlin).
// Answers whether a promote is frozen now, until when (overlapping and back-to-back freezes
// chain: "until" is when a promote is possible again), and the next freeze to show.
// Time zones come from the platform's Intl data (no offsets written by hand), so daylight
// saving and zones with :30/:45 offsets are right.

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Freeze = { name: string; from: string; to: string } | { name: string; days: Weekday[]; timezone: string };

export interface FreezeWindow {
  name: string;
  /** When promotes are frozen from (ISO instant). */
  from: string;
  /** When a promote is possible again (ISO instant): the end of this freeze and of any freeze it runs into. */
  until: string;
}

const MINUTE = 60_000;
const STEP = 15 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function weekdayIn(timezone: string, at: number): Weekday {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short' });
    formatters.set(timezone, format);
  }
  return format.format(at).toLowerCase().slice(0, 3) as Weekday;
}

/** Whether `timezone` is a zone this platform knows (for the settings file's checks). */
export function isKnownTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

function isIn(freeze: Freeze, at: number): boolean {
  if ('from' in freeze) return Date.parse(freeze.from) <= at && at < Date.parse(freeze.to);
  return freeze.days.includes(weekdayIn(freeze.timezone, at));
}

/** The first instant after `at` (to the minute) when this freeze is over; `at` must be inside it. */
function endOf(freeze: Freeze, at: number): number {
  if ('from' in freeze) return Date.parse(freeze.to);
  let t = at;
  // a week covers any set of days; every day in it frozen means the freeze never ends
  for (let i = 0; i < (8 * 24 * 60 * MINUTE) / STEP && isIn(freeze, t); i++) t += STEP;
  if (isIn(freeze, t)) return Number.POSITIVE_INFINITY;
  // back to the minute it ended (day boundaries fall on whole minutes in every zone)
  let end = t;
  while (end - MINUTE > at && !isIn(freeze, end - MINUTE)) end -= MINUTE;
  return Math.floor(end / MINUTE) * MINUTE;
}

/** The freeze promotes are under at `now`, and until when; null when none is. */
export function activeFreeze(freezes: readonly Freeze[], now: Date): FreezeWindow | null {
  const at = now.getTime();
  const first = freezes.find((f) => isIn(f, at));
  if (!first) return null;
  let until = at;
  // chain overlapping and back-to-back freezes (bounded: each turn moves until forward)
  for (let turn = 0; turn < 64; turn++) {
    const active = freezes.filter((f) => isIn(f, until));
    if (active.length === 0) break;
    const next = Math.max(...active.map((f) => endOf(f, until)));
    if (!Number.isFinite(next)) return { name: first.name, from: new Date(at).toISOString(), until: 'never' };
    until = next;
  }
  return { name: first.name, from: new Date(at).toISOString(), until: new Date(until).toISOString() };
}

/** The next freeze that starts after `now` within `horizonDays` (for the project page), or null. */
export function upcomingFreeze(freezes: readonly Freeze[], now: Date, horizonDays = 14): FreezeWindow | null {
  const start = now.getTime();
  const horizon = start + horizonDays * 24 * 60 * MINUTE;
  const starts: number[] = [];
  for (const freeze of freezes) {
    if ('from' in freeze) {
      const from = Date.parse(freeze.from);
      if (from > start && from < horizon) starts.push(from);
      continue;
    }
    for (let t = Math.floor(start / MINUTE) * MINUTE + STEP; t < horizon; t += STEP) {
      if (!isIn(freeze, t)) continue;
      let from = t; // back to the minute it starts
      while (from - MINUTE > start && isIn(freeze, from - MINUTE)) from -= MINUTE;
      starts.push(from);
      break;
    }
  }
  if (starts.length === 0) return null;
  const from = Math.min(...starts);
  const window = activeFreeze(freezes, new Date(from));
  return window && { ...window, from: new Date(from).toISOString() };
}
