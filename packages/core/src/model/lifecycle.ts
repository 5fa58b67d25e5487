// The release lifecycle, in one table: for every status, where it may go next, whether it is
// final, whether it holds the project's one active slot, and what a person may do with a
// release in it. A new status (awaiting_approval, rejected, …) is one entry here; the
// status lists, the server's lock, the API's `actions` and the dashboard's buttons all
// follow from it. Dependency-free, so the dashboard can import it through @shipgate/contract.
import { ShipgateError } from '../errors.js';

/** What a caller may ask of a release (CONTRACT §4 `actions`, §7 approvals). */
export const RELEASE_ACTIONS = ['approve', 'reject', 'cancel', 'resume', 'rollback'] as const;
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

/** A promotion, or a manual rollback recorded as its own run (CONTRACT §4). */
export const RELEASE_KINDS = ['release', 'rollback'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** CONTRACT §7 roles; anything else may only read (deny by default). */
export type Role = 'viewer' | 'deployer' | 'admin';
const ACTING_ROLES: readonly string[] = ['deployer', 'admin'];

interface StatusRule {
  /** Where a release in this status may go next. */
  readonly next: readonly string[];
  /** The run is over; nothing moves it again. */
  readonly final: boolean;
  /** The release holds the project's one active slot (the database lock). */
  readonly active: boolean;
  /** What a deployer may do with a release in this status (allowedActions narrows it). */
  readonly actions: readonly ReleaseAction[];
  /** Work is under way right now (a running engine, not a release waiting for a person). */
  readonly live: boolean;
  /** For people: the word, an icon beside it (never colour alone) and the badge's tone. */
  readonly label: string;
  readonly icon: string;
  readonly tone: Tone;
}

/** A badge's tone (the dashboard maps it to colours). */
export type Tone = 'good' | 'bad' | 'warn' | 'busy' | 'muted';

export const LIFECYCLE = {
  // a promote with approvals required (CONTRACT §7): it holds the project while people decide
  awaiting_approval: { next: ['queued', 'rejected', 'cancelled'], final: false, active: true, live: false, actions: ['approve', 'reject', 'cancel'], label: 'Awaiting approval', icon: '⏸', tone: 'warn' },
  queued: { next: ['running', 'cancelled', 'failed'], final: false, active: true, live: true, actions: ['cancel'], label: 'Queued', icon: '○', tone: 'muted' },
  running: { next: ['monitoring', 'succeeded', 'failed', 'rolling_back', 'cancelled', 'interrupted'], final: false, active: true, live: true, actions: ['cancel'], label: 'Running', icon: '◐', tone: 'busy' },
  monitoring: { next: ['succeeded', 'rolling_back', 'failed', 'interrupted'], final: false, active: true, live: true, actions: ['cancel'], label: 'Monitoring', icon: '◔', tone: 'busy' },
  rolling_back: { next: ['rolled_back', 'cancelled', 'failed', 'interrupted'], final: false, active: true, live: true, actions: [], label: 'Rolling back', icon: '↺', tone: 'warn' },
  interrupted: { next: ['running', 'rolling_back', 'cancelled', 'failed'], final: false, active: true, live: false, actions: ['resume', 'cancel'], label: 'Interrupted', icon: '‖', tone: 'warn' },
  succeeded: { next: [], final: true, active: false, live: false, actions: ['rollback'], label: 'Succeeded', icon: '✓', tone: 'good' },
  failed: { next: [], final: true, active: false, live: false, actions: ['rollback'], label: 'Failed', icon: '✗', tone: 'bad' },
  rolled_back: { next: [], final: true, active: false, live: false, actions: [], label: 'Rolled back', icon: '↺', tone: 'warn' },
  cancelled: { next: [], final: true, active: false, live: false, actions: [], label: 'Cancelled', icon: '■', tone: 'warn' },
  rejected: { next: [], final: true, active: false, live: false, actions: [], label: 'Rejected', icon: '⊘', tone: 'bad' },
} as const satisfies Record<string, StatusRule>;

export type ReleaseStatus = keyof typeof LIFECYCLE;
// every `next` names a status of the table (a typo fails the build)
const everyNextIsAStatus: (typeof LIFECYCLE)[ReleaseStatus]['next'][number] extends ReleaseStatus ? true : never = true;
void everyNextIsAStatus;

const statuses = Object.keys(LIFECYCLE) as ReleaseStatus[];
/** Every release status, in lifecycle order. */
export const RELEASE_STATUSES = statuses as [ReleaseStatus, ...ReleaseStatus[]];
/** A finished run: succeeded, failed, rolled back, cancelled or rejected. */
export const TERMINAL_RELEASE_STATUSES = statuses.filter((s) => LIFECYCLE[s].final);
/** A release holds the project's lock while it is in one of these. */
export const ACTIVE_RELEASE_STATUSES = statuses.filter((s) => LIFECYCLE[s].active) as [ReleaseStatus, ...ReleaseStatus[]];

export function isTerminalStatus(status: ReleaseStatus): boolean {
  return LIFECYCLE[status].final;
}

export function isActiveStatus(status: ReleaseStatus): boolean {
  return LIFECYCLE[status].active;
}

export function isLiveStatus(status: ReleaseStatus): boolean {
  return LIFECYCLE[status].live;
}

export function canTransition(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return (LIFECYCLE[from].next as readonly string[]).includes(to);
}

/** Returns the new status, or throws ILLEGAL_TRANSITION naming both ends. */
export function transition(from: ReleaseStatus, to: ReleaseStatus): ReleaseStatus {
  if (!canTransition(from, to)) {
    const allowed = LIFECYCLE[from].next.join(', ') || 'nothing (final)';
    throw new ShipgateError('ILLEGAL_TRANSITION', `${a(from)} release cannot become ${to} (allowed: ${allowed})`);
  }
  return to;
}

/** What allowedActions needs to know about a release. */
export interface ActionFacts {
  status: ReleaseStatus;
  kind: ReleaseKind;
  dryRun: boolean;
  /** The manual rollback that replaced this release, if any. */
  rolledBackBy: string | null;
  /** Production runs this release now (only then can it be rolled back). */
  inProduction: boolean;
  /**
   * The caller's part in the release's approvals: requested it, or gave an approval that
   * still counts. Unknown (absent) → nobody is offered approve or reject.
   */
  caller?: { requested: boolean; approved: boolean } | undefined;
}

/** Whether `action` fits the caller (rollback: what production runs; approvals: who asks). */
function fitsCaller(release: ActionFacts, action: ReleaseAction): boolean {
  switch (action) {
    case 'rollback':
      return release.kind === 'release' && !release.dryRun && release.rolledBackBy === null && release.inProduction;
    case 'approve':
      return release.caller !== undefined && !release.caller.requested && !release.caller.approved;
    case 'reject':
      return release.caller !== undefined && !release.caller.requested;
    default:
      return true;
  }
}

/**
 * What `role` may do with this release now. A viewer may do nothing; a rollback record and
 * a dry run deployed nothing of their own to undo; only the release production runs now can
 * be rolled back, once. A release awaiting approval: its requester may cancel it (withdraw)
 * but neither approve nor reject it; an approval counts once per person.
 */
export function allowedActions(release: ActionFacts, role: Role | string | null): ReleaseAction[] {
  if (role === null || !ACTING_ROLES.includes(role)) return [];
  return LIFECYCLE[release.status].actions.filter((action) => fitsCaller(release, action));
}

/** "a running", "an interrupted". */
function a(status: ReleaseStatus): string {
  return `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status}`;
}

const DONE: Record<ReleaseAction, string> = { approve: 'approved', reject: 'rejected', cancel: 'cancelled', resume: 'resumed', rollback: 'rolled back' };

/** Why an action is not allowed now, for a refusal's message and a disabled button's reason. */
export function refusalOf(release: ActionFacts, action: ReleaseAction): string {
  if (!(LIFECYCLE[release.status].actions as readonly string[]).includes(action)) {
    return action === 'approve' || action === 'reject' ? `${a(release.status)} release is not awaiting approval` : `${a(release.status)} release cannot be ${DONE[action]}`;
  }
  if (action === 'approve' || action === 'reject') {
    if (release.caller?.requested) return action === 'approve' ? 'you requested this release; someone else must approve' : 'you requested this release; cancel it to withdraw it, someone else may reject it';
    if (action === 'approve' && release.caller?.approved) return 'you approved this release already; someone else must give the next approval';
    return release.caller === undefined ? 'sign in to approve or reject' : 'not allowed now';
  }
  if (release.kind !== 'release') return 'a rollback is undone by promoting a release, not by rolling it back';
  if (release.dryRun) return 'a dry run deployed nothing, so there is nothing to roll back';
  if (release.rolledBackBy) return `this release was already rolled back (${release.rolledBackBy})`;
  if (!release.inProduction) return 'production no longer runs this release: roll back the release it runs now';
  return 'not allowed now';
}
