// The freeze a project page shows (CONTRACT §7): the one promotes are under now, else the next
// one within the horizon — from the settings' freezes for that project, at `now`.
import type { ProjectFreezeDto } from '@shipgate/contract';
import { activeFreeze, upcomingFreeze, type Freeze } from './freeze-window.js';

export function projectFreeze(freezes: readonly Freeze[], now: Date, horizonDays = 14): ProjectFreezeDto | null {
  if (freezes.length === 0) return null;
  const active = activeFreeze(freezes, now);
  if (active) return { ...active, active: true };
  const next = upcomingFreeze(freezes, now, horizonDays);
  return next && { ...next, active: false };
}
