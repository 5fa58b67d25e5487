// Runs a condition over many seeds and counts the outcomes: how often the release was rolled
// back (a FAIL), how the watch ended otherwise, and how long a FAIL took.
import type { MonitorVerdictValue } from '../../events.js';
import type { JudgeCondition } from './judge-conditions.js';
import { simulateRelease, SIMULATED_CONFIG } from './simulate-release.js';

export interface JudgeRates {
  condition: string;
  rps: number;
  releases: number;
  verdicts: Record<MonitorVerdictValue, number>;
  /** Share of releases that ended FAIL (rolled back with onBreach: rollback). */
  failRate: number;
  /** Median seconds from the deploy to a FAIL verdict (null: none failed). */
  medianSecondsToFail: number | null;
}

export async function judgeRates(condition: JudgeCondition, rps: number, seeds: readonly number[], config = SIMULATED_CONFIG): Promise<JudgeRates> {
  const verdicts: Record<MonitorVerdictValue, number> = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0, NO_DATA: 0, ERROR: 0 };
  const failTimes: number[] = [];
  for (const seed of seeds) {
    const result = await simulateRelease(condition, rps, seed, config);
    verdicts[result.verdict] += 1;
    if (result.verdict === 'FAIL') {
      const last = result.samples.at(-1)!;
      // seconds since the deploy: the window ends windowSeconds after it
      failTimes.push(config.windowSeconds - (Date.parse(last.windowEndsAt) - Date.parse(last.at)) / 1000);
    }
  }
  failTimes.sort((a, b) => a - b);
  return {
    condition: condition.name,
    rps,
    releases: seeds.length,
    verdicts,
    failRate: verdicts.FAIL / seeds.length,
    medianSecondsToFail: failTimes.length ? failTimes[Math.floor((failTimes.length - 1) / 2)]! : null,
  };
}

/** Seeds for one cell of the table, distinct across conditions and traffic levels. */
export function seedsFor(conditionIndex: number, rps: number, count: number): number[] {
  const base = (conditionIndex + 1) * 1_000_003 + Math.round(rps * 10) * 7919;
  return Array.from({ length: count }, (_, i) => base + i);
}
