// The error-rate test: Newcombe–Wilson 95% interval on (current − baseline) error rate,
// compared with the allowed increase. The whole interval above → FAIL, below → PASS.
import { fixed, percent, signed } from './format-numbers.js';
import { newcombeDifference } from './newcombe-difference.js';
import type { Interval } from './wilson-interval.js';
import type { WindowStats } from './metric-source.js';

export type PartVerdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE';

export interface ErrorRateJudgement {
  verdict: PartVerdict;
  /** current − baseline, in percentage points. */
  differencePp: Interval;
  reason: string;
}

export function judgeErrorRate(baseline: WindowStats, current: WindowStats, allowedIncreasePp: number): ErrorRateJudgement {
  const diff = newcombeDifference(current.errors, current.requests, baseline.errors, baseline.requests);
  const differencePp = { estimate: diff.estimate * 100, lower: diff.lower * 100, upper: diff.upper * 100 };
  const verdict: PartVerdict =
    differencePp.lower > allowedIncreasePp ? 'FAIL' : differencePp.upper < allowedIncreasePp ? 'PASS' : 'INCONCLUSIVE';
  const relation = { FAIL: 'is above', PASS: 'is below', INCONCLUSIVE: 'cannot yet be told apart from' }[verdict];
  const reason =
    `error rate ${percent(current.errors / current.requests)} vs baseline ${percent(baseline.errors / baseline.requests)}: ` +
    `the ${differencePp.estimate < 0 ? 'change' : 'increase'} ${signed(differencePp.estimate)} pp ` +
    `(95% CI ${signed(differencePp.lower)} to ${signed(differencePp.upper)} pp) ${relation} the allowed ${fixed(allowedIncreasePp)} pp`;
  return { verdict, differencePp, reason };
}
