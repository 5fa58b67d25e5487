// One vocabulary for statuses, reused by the DB columns, the API schemas and the UI badges.
export const RELEASE_STATUSES = [
  'queued',
  'running',
  'monitoring',
  'succeeded',
  'failed',
  'rolling_back',
  'rolled_back',
  'cancelled',
  'interrupted',
] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const STEP_STATUSES = ['pending', 'running', 'succeeded', 'failed', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_NAMES = [
  'verify-gates',
  'bump-version',
  'tag',
  'push',
  'deploy',
  'health-checks',
  'ship-report',
  'monitor',
] as const;
export type StepName = (typeof STEP_NAMES)[number] | 'rollback';

export const GATE_STATUSES = ['pass', 'fail', 'skip'] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];

export const TERMINAL_RELEASE_STATUSES = ['succeeded', 'failed', 'rolled_back', 'cancelled'] as const satisfies readonly ReleaseStatus[];

export function isTerminalStatus(status: ReleaseStatus): boolean {
  return (TERMINAL_RELEASE_STATUSES as readonly string[]).includes(status);
}

/** A release holds the project's lock while it is in one of these. */
export const ACTIVE_RELEASE_STATUSES = ['queued', 'running', 'monitoring', 'rolling_back', 'interrupted'] as const satisfies readonly ReleaseStatus[];
