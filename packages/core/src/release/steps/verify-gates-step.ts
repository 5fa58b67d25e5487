import { ShipgateError } from '../../errors.js';
import type { ReleaseRun } from '../release-run.js';

/** Emits every gate with its evidence; a failing gate stops the release before any write. */
export async function verifyGatesStep(run: ReleaseRun): Promise<void> {
  await run.step('verify-gates', 'Verify gates', async () => {
    for (const gate of run.plan.gates) run.ctx.emit({ type: 'gate.result', gate });
    if (run.plan.blocked) {
      throw new ShipgateError('GATE_BLOCKED', run.plan.blockers.join('; '), { hint: 'nothing was written or pushed; fix the blockers and run promote again' });
    }
    const passed = run.plan.gates.filter((g) => g.status === 'pass').length;
    return { detail: `${passed} gate(s) passed${run.plan.resuming ? `, resuming ${run.tag}` : ''}` };
  });
}
