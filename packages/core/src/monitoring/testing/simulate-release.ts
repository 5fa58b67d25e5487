// One seeded release on simulated production: the baseline is measured, the deploy happens,
// and watchProduction judges what follows — the real code path, on a clock that never waits.
import type { MonitoringConfig } from '../../config/config-types.js';
import { DEFAULTS } from '../../config/config-defaults.js';
import { fakeContext, ManualClock } from '../../testing/fake-context.js';
import { sliceSecondsFor } from '../look-level.js';
import { measureBaseline } from '../measure-baseline.js';
import { watchProduction, type WatchResult } from '../watch-production.js';
import { scenarioOf, type JudgeCondition } from './judge-conditions.js';
import { seededRandom } from './seeded-random.js';
import { SimulatedProduction } from './simulated-production.js';

/** The shipped defaults, switched on: 15 min window after a 60 s warm-up, every 30 s, 15 min baseline. */
export const SIMULATED_CONFIG: MonitoringConfig = {
  ...DEFAULTS.monitoring,
  thresholds: { ...DEFAULTS.monitoring.thresholds },
  enabled: true,
  source: { kind: 'scrape', url: 'http://production.test/metrics' },
};

export async function simulateRelease(condition: JudgeCondition, rps: number, seed: number, config: MonitoringConfig = SIMULATED_CONFIG): Promise<WatchResult> {
  const clock = new ManualClock();
  const random = seededRandom(seed);
  const deployedMs = clock.now().getTime() + config.baselineSeconds * 1000;
  const scenario = scenarioOf(condition, rps, random, config);
  const source = new SimulatedProduction(clock, random, scenario, deployedMs);
  const ctx = fakeContext({ clock });
  const baseline = await measureBaseline({ ctx, source, seconds: config.baselineSeconds, sliceSeconds: sliceSecondsFor(config.intervalSeconds) });
  return watchProduction({ config, ctx, source, baseline, deployedAt: clock.now(), failAfter: config.failAfter, log: () => {} });
}
