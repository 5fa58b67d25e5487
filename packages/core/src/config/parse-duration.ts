// Durations in .shipgate.yaml: a number of seconds (90, 0.5) or a string with a unit
// ("500ms", "90s", "15m", "1h", "1m30s").
const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/** Seconds, or null when the text is not a duration. Plain numeric strings count as seconds. */
export function parseDuration(text: string): number | null {
  const compact = text.trim().replace(/\s+/g, '');
  if (/^\d+(?:\.\d+)?$/.test(compact)) return Number(compact);
  if (!WHOLE.test(compact)) return null;
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(PART)) seconds += Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  return Math.round(seconds * 1000) / 1000;
}
