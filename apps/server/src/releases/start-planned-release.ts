// Starts a planned release in the background: the one path from `queued` to the engine, for a
// promote without approvals and for the approval that completes a release's approvals.
import type { ReleaseApproval, ReleasePlan, ShipgateConfig } from '@shipgate/core';
import type { Services } from '../services.js';
import type { ReleaseTracker } from './release-tracker.js';
import { startRun } from './start-run.js';

export interface PlannedRelease {
  repoDir: string;
  config: ShipgateConfig;
  plan: ReleasePlan;
  monitor: boolean;
  dryRun: boolean;
  actor: string;
  actorId: string;
  /** Who approved it, for the journal and the ship report. */
  approvals?: ReleaseApproval[];
}

export function startPlannedRelease(svc: Services, tracker: ReleaseTracker, run: PlannedRelease): Promise<void> {
  return startRun(svc, tracker, { status: 'running', prepare: async () => (ctx) => svc.engine.runRelease({ ...run, ctx }) });
}
