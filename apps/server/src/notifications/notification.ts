// What a notification says (CONTRACT §7 "Notifications"): the event type, when, the project,
// the release (as the API shows it, trimmed to what a receiver needs) and the dashboard link.
export const NOTIFICATION_TYPES = [
  'release.awaiting_approval',
  'release.started',
  'release.succeeded',
  'release.failed',
  'release.rolled_back',
  'release.cancelled',
  'release.rejected',
  'project.locked',
  'project.unlocked',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface NotificationRelease {
  id: string;
  kind: string;
  version: string | null;
  previousVersion: string | null;
  status: string;
  actor: string;
  reason: string | null;
}

export interface NotificationLock {
  reason: string;
  by: string;
  since: string;
  automatic: boolean;
}

export interface Notification {
  type: NotificationType;
  at: string;
  /** `lock`: the project's lock as the API shows it (project.locked / project.unlocked). */
  project: { id: string; name: string; lock?: NotificationLock | null };
  release: NotificationRelease | null;
  /** The dashboard link (the release page, else the project page). */
  url: string;
  /** Why, in one sentence (the error, the rollback reason, the lock reason). */
  reason?: string | null;
  /** Who did it, for manual actions. */
  actor?: string | null;
}
