// The release lifecycle, one explicit state machine. Monitoring is a state, not a flag.
// The server persists each transition before acting on it (resume after a crash).
import { ShipgateError } from '../errors.js';
import type { ReleaseStatus } from './statuses.js';

export const TRANSITIONS = {
  queued: ['running', 'cancelled', 'failed'],
  running: ['monitoring', 'succeeded', 'failed', 'rolling_back', 'cancelled', 'interrupted'],
  monitoring: ['succeeded', 'rolling_back', 'failed', 'interrupted'],
  rolling_back: ['rolled_back', 'cancelled', 'failed', 'interrupted'],
  interrupted: ['running', 'rolling_back', 'cancelled', 'failed'],
  // a finished release can still be rolled back by hand
  succeeded: ['rolling_back'],
  failed: ['rolling_back', 'running'],
  rolled_back: [],
  cancelled: [],
} as const satisfies Record<ReleaseStatus, readonly ReleaseStatus[]>;

export function canTransition(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return (TRANSITIONS[from] as readonly ReleaseStatus[]).includes(to);
}

/** Returns the new status, or throws ILLEGAL_TRANSITION naming both ends. */
export function transition(from: ReleaseStatus, to: ReleaseStatus): ReleaseStatus {
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from].join(', ') || 'nothing (final)';
    throw new ShipgateError('ILLEGAL_TRANSITION', `a ${from} release cannot become ${to} (allowed: ${allowed})`);
  }
  return to;
}
