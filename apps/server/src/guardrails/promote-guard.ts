// Whether a promote may start (CONTRACT §7): a locked project answers 423 `locked` with the
// lock; a freeze answers 423 `frozen` with its name and when it ends, unless an admin sends
// `override: { reason }` (audited, recorded in the ship report). Rollbacks, cancels and
// resumes never come here: they are never blocked by a lock or a freeze.
import { activeFreeze, type Freeze } from './freeze-window.js';

export interface ProjectLock {
  reason: string;
  by: string;
  since: string;
  automatic: boolean;
}

export interface PromoteGuardInput {
  lock: ProjectLock | null;
  freezes: readonly Freeze[];
  now: Date;
  /** The caller may override a freeze (admin). */
  mayOverride: boolean;
  override?: { reason: string } | undefined;
}

export type PromoteRefusal =
  | { error: 'locked'; message: string; lock: ProjectLock }
  | { error: 'frozen'; message: string; freeze: string; until: string }
  | { error: 'forbidden'; message: string };

export type PromoteGuard = { ok: true; overrode: { freeze: string; until: string; reason: string } | null } | { ok: false; status: 403 | 423; body: PromoteRefusal };

export function promoteGuard(input: PromoteGuardInput): PromoteGuard {
  if (input.lock) {
    const { lock } = input;
    return {
      ok: false,
      status: 423,
      body: { error: 'locked', message: `the project is locked by ${lock.by} since ${lock.since}: ${lock.reason} (unlock it when that is resolved)`, lock },
    };
  }
  const freeze = activeFreeze(input.freezes, input.now);
  if (!freeze) return { ok: true, overrode: null };
  if (input.override) {
    if (!input.mayOverride) return { ok: false, status: 403, body: { error: 'forbidden', message: `only an admin may override the freeze "${freeze.name}"` } };
    return { ok: true, overrode: { freeze: freeze.name, until: freeze.until, reason: input.override.reason } };
  }
  return {
    ok: false,
    status: 423,
    body: { error: 'frozen', message: `promotes are frozen ("${freeze.name}") until ${freeze.until}; an admin may override with a reason`, freeze: freeze.name, until: freeze.until },
  };
}
