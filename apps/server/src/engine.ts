// The release engine as the server sees it: core's planRelease/runRelease/rollbackRelease
// plus runtime's context factory. Tests inject a fake; serve() loads the real one lazily.
import type { CoreContext, Emit, ReleaseApproval, ReleaseOutcome, ReleasePlan, ShipgateConfig } from '@shipgate/core';

export type { ReleaseOutcome };

export interface Engine {
  createContext(options: { emit: Emit; env?: Record<string, string | undefined>; signal?: AbortSignal }): CoreContext;
  planRelease(input: { repoDir: string; ctx: CoreContext; spec?: string; bump?: string }): Promise<{ plan: ReleasePlan; config: ShipgateConfig }>;
  runRelease(input: {
    repoDir: string;
    config: ShipgateConfig;
    plan: ReleasePlan;
    ctx: CoreContext;
    monitor?: boolean;
    dryRun?: boolean;
    actor?: string;
    actorId?: string;
    approvals?: ReleaseApproval[];
  }): Promise<ReleaseOutcome>;
  rollbackRelease(input: { repoDir: string; config?: ShipgateConfig; ctx: CoreContext; to?: string; preferred?: string; from?: string; actor?: string; actorId?: string; reason?: string }): Promise<ReleaseOutcome>;
}

export async function loadEngine(): Promise<Engine> {
  const [core, runtime] = await Promise.all([import('@shipgate/core'), import('@shipgate/runtime')]);
  return {
    createContext: (options) => runtime.createNodeContext(options),
    planRelease: (input) => core.planRelease(input),
    runRelease: (input) => core.runRelease(input),
    rollbackRelease: (input) => core.rollbackRelease(input),
  };
}
