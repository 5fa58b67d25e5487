// Which notification a release's status change sends (CONTRACT §7 types), or none. Dry runs
// notify nobody; a rollback record that succeeds says the release it replaced was rolled back;
// only the first start counts as "started" (a resume or the cancel of an interrupted release
// also passes through running).
import type { NotificationType } from './notification.js';

const BY_STATUS: Readonly<Record<string, NotificationType>> = {
  awaiting_approval: 'release.awaiting_approval',
  succeeded: 'release.succeeded',
  failed: 'release.failed',
  rolled_back: 'release.rolled_back',
  cancelled: 'release.cancelled',
  rejected: 'release.rejected',
};

export function notificationTypeForStatus(release: { kind: string; dryRun: boolean }, from: string, to: string): NotificationType | null {
  if (release.dryRun) return null;
  if (to === 'running') return from === 'queued' ? 'release.started' : null;
  if (to === 'succeeded' && release.kind === 'rollback') return 'release.rolled_back';
  return BY_STATUS[to] ?? null;
}
