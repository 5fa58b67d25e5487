// The Slack incoming-webhook message for a notification: the release, its outcome, the reason,
// and links (the release, and Approve when one is awaited). Text from user data is escaped as
// Slack's mrkdwn requires (&, <, >), so a reason cannot forge a link or a mention.
import type { Notification } from './notification.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HEADLINES: Record<Notification['type'], string> = {
  'release.awaiting_approval': 'is waiting for approval',
  'release.started': 'started',
  'release.succeeded': 'is in production',
  'release.failed': 'failed',
  'release.rolled_back': 'was rolled back',
  'release.cancelled': 'was cancelled',
  'release.rejected': 'was rejected',
  'project.locked': 'is locked',
  'project.unlocked': 'is unlocked',
};

export function slackMessage(n: Notification): { text: string; blocks: unknown[] } {
  const what = n.release
    ? `${escape(n.project.name)} ${n.release.kind === 'rollback' ? `rollback to ${escape(n.release.version ?? '?')}` : escape(n.release.version ?? 'release')}`
    : escape(n.project.name);
  // a manual rollback record that succeeded: the release it replaced was rolled back
  const headline =
    n.type === 'release.rolled_back' && n.release?.kind === 'rollback'
      ? `${escape(n.project.name)} ${escape(n.release.previousVersion ?? 'the release')} was rolled back to ${escape(n.release.version ?? '?')}`
      : `${what} ${HEADLINES[n.type]}`;
  const details = [n.reason ? `Reason: ${escape(n.reason)}` : null, n.actor ? `By: ${escape(n.actor)}` : null].filter((line): line is string => line !== null);
  const link = n.type === 'release.awaiting_approval' ? `<${n.url}|Review and approve>` : `<${n.url}|Open in Shipgate>`;
  return {
    text: `${headline}${n.reason ? ` — ${escape(n.reason)}` : ''}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: [`*${headline}*`, ...details, link].join('\n') } }],
  };
}
