// The vocabularies besides the release lifecycle (lifecycle.ts): step statuses and names,
// gate statuses. Reused by the DB columns, the API schemas and (through @shipgate/contract)
// the dashboard. Dependency-free.
export {
  ACTIVE_RELEASE_STATUSES,
  RELEASE_ACTIONS,
  RELEASE_KINDS,
  RELEASE_STATUSES,
  TERMINAL_RELEASE_STATUSES,
  isActiveStatus,
  isLiveStatus,
  type Tone,
  isTerminalStatus,
  type ReleaseAction,
  type ReleaseKind,
  type ReleaseStatus,
} from './lifecycle.js';

import type { Tone } from './lifecycle.js';

/** Step statuses with their words for people; a new one is one entry. */
export const STEP_LOOK = {
  pending: { label: 'Pending', icon: '○', tone: 'muted' },
  running: { label: 'Running', icon: '◐', tone: 'busy' },
  succeeded: { label: 'Succeeded', icon: '✓', tone: 'good' },
  failed: { label: 'Failed', icon: '✗', tone: 'bad' },
  skipped: { label: 'Skipped', icon: '–', tone: 'muted' },
} as const satisfies Record<string, { label: string; icon: string; tone: Tone }>;
export type StepStatus = keyof typeof STEP_LOOK;
export const STEP_STATUSES = Object.keys(STEP_LOOK) as [StepStatus, ...StepStatus[]];

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

/** Gate statuses with their words for people. */
export const GATE_LOOK = {
  pass: { label: 'Pass', icon: '✓', tone: 'good' },
  fail: { label: 'Fail', icon: '✗', tone: 'bad' },
  skip: { label: 'Skipped', icon: '–', tone: 'muted' },
} as const satisfies Record<string, { label: string; icon: string; tone: Tone }>;
export type GateStatus = keyof typeof GATE_LOOK;
export const GATE_STATUSES = Object.keys(GATE_LOOK) as [GateStatus, ...GateStatus[]];
