// The error-rate test. Errors come in bursts, so requests are not independent: the pooled
// count of a window varies 50–90× more than a binomial would say. With the window cut into
// intervals (the baseline and the judged stretch after the deploy), we compare the intervals'
// error rates instead — the Hodges–Lehmann shift after − before with its Mann–Whitney interval
// (hodges-lehmann-shift.ts): a burst is a few wild intervals and barely moves it, a regression
// moves every interval. Too few baseline intervals (a very short baseline, or none) → the
// pooled Newcombe–Wilson interval of the two proportions, saying so. Either way the whole
// interval above the allowed increase → FAIL, below → PASS.
import { fixed, percent, signed } from './format-numbers.js';
import { compareSlices } from './compare-slices.js';
import { ciLabel, lookLevel, type LookLevel } from './look-level.js';
import type { WindowStats } from './metric-source.js';
import { newcombeDifference } from './newcombe-difference.js';
import type { Interval } from './wilson-interval.js';

export type PartVerdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE';

/** Baseline intervals needed before per-interval rates are compared (fewer: pooled counts). */
export const MIN_BASELINE_SLICES = 8;

export interface ErrorRateJudgement {
  verdict: PartVerdict;
  /** current − baseline, in percentage points. */
  differencePp: Interval;
  reason: string;
}

const RELATION = { FAIL: 'is above', PASS: 'is below', INCONCLUSIVE: 'cannot yet be told apart from' } as const;

/** `recent`: the judged intervals since the previous look (a FAIL needs them to still show it). */
export function judgeErrorRate(baseline: WindowStats, current: WindowStats, allowedIncreasePp: number, level: LookLevel = lookLevel(), recent: readonly WindowStats[] = []): ErrorRateJudgement {
  const head = `error rate ${percent(current.errors / current.requests)} vs baseline ${percent(baseline.errors / baseline.requests)}`;
  const before = ratesPp(baseline.slices);
  const after = ratesPp(current.slices);
  if (before.length >= MIN_BASELINE_SLICES && after.length > 0) {
    const { verdict, shift, heldBack } = compareSlices(after, before, ratesPp(recent), allowedIncreasePp, level, spanSeconds(current));
    const counts = `${after.length} intervals after the deploy vs ${before.length} before`;
    const interval = shift.decisive ? `${ciLabel(level)} ${signed(shift.lower)} to ${signed(shift.upper)} pp; ${counts}` : `${counts}, too few yet for an interval`;
    const reason =
      `${head}: the per-interval ${shift.estimate < 0 ? 'change' : 'increase'} ${signed(shift.estimate)} pp (${interval}) ` +
      (heldBack ? `is above the allowed ${fixed(allowedIncreasePp)} pp, but ${heldBack}: not a FAIL yet` : `${RELATION[verdict]} the allowed ${fixed(allowedIncreasePp)} pp`);
    return { verdict, differencePp: { estimate: shift.estimate, lower: shift.lower, upper: shift.upper }, reason };
  }
  const diff = newcombeDifference(current.errors, current.requests, baseline.errors, baseline.requests, level.z);
  const differencePp = { estimate: diff.estimate * 100, lower: diff.lower * 100, upper: diff.upper * 100 };
  const verdict: PartVerdict =
    differencePp.lower > allowedIncreasePp ? 'FAIL' : differencePp.upper < allowedIncreasePp ? 'PASS' : 'INCONCLUSIVE';
  const pooled = baseline.slices ? `; pooled counts: the baseline has only ${before.length} intervals, too few to see how bursty errors are` : '';
  const reason =
    `${head}: the ${differencePp.estimate < 0 ? 'change' : 'increase'} ${signed(differencePp.estimate)} pp ` +
    `(${ciLabel(level)} ${signed(differencePp.lower)} to ${signed(differencePp.upper)} pp${pooled}) ${RELATION[verdict]} the allowed ${fixed(allowedIncreasePp)} pp`;
  return { verdict, differencePp, reason };
}

export function ratesPp(slices: readonly WindowStats[] | undefined): number[] {
  return (slices ?? []).filter((s) => s.requests > 0).map((s) => (100 * s.errors) / s.requests);
}

/** Seconds a window covers (0 when its bounds are unknown). */
export function spanSeconds(stats: WindowStats): number {
  const span = (Date.parse(stats.to) - Date.parse(stats.from)) / 1000;
  return Number.isFinite(span) ? span : 0;
}
