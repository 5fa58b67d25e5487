// The decision rule of the per-interval comparison, shared by the error-rate and latency tests:
// the Hodges–Lehmann shift after − before with its Mann–Whitney interval at the look's level,
// and two guards that keep a transient (an error burst, a cold cache) from passing for a
// regression, which persists:
// - a FAIL needs enough judged traffic (`minFailSeconds`, 3 minutes by default) that a burst of
//   a minute or two is a minority of the intervals, and the rank interval shrugs it off;
// - a FAIL needs the latest intervals (since the previous look) to still be beyond the allowed
//   change in their median: a transient that ended no longer fails anything.
import { hodgesLehmannShift, type ShiftInterval } from './hodges-lehmann-shift.js';
import type { LookLevel } from './look-level.js';
import type { PartVerdict } from './judge-error-rate.js';

export interface SliceComparison {
  verdict: PartVerdict;
  shift: ShiftInterval;
  /** Why a FAIL by the interval alone was held back (for the reason sentence), or null. */
  heldBack: string | null;
}

/** `judgedSeconds`: how much time the `after` intervals cover. */
export function compareSlices(after: readonly number[], before: readonly number[], recent: readonly number[], limit: number, level: LookLevel, judgedSeconds: number): SliceComparison {
  const shift = hodgesLehmannShift(after, before, level.z);
  if (!shift.decisive) return { verdict: 'INCONCLUSIVE', shift, heldBack: null };
  if (shift.upper < limit) return { verdict: 'PASS', shift, heldBack: null };
  if (shift.lower <= limit) return { verdict: 'INCONCLUSIVE', shift, heldBack: null };
  if (judgedSeconds < level.minFailSeconds - 0.5) {
    return { verdict: 'INCONCLUSIVE', shift, heldBack: `only ${Math.round(judgedSeconds)} s judged so far, a FAIL needs ${Math.round(level.minFailSeconds)} s` };
  }
  if (recent.length > 0 && median(recent) - median(before) <= limit) {
    return { verdict: 'INCONCLUSIVE', shift, heldBack: 'the latest intervals are back within the limit (a transient?)' };
  }
  return { verdict: 'FAIL', shift, heldBack: null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
