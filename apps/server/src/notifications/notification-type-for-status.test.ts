import { describe, expect, it } from 'vitest';
import { notificationTypeForStatus } from './notification-type-for-status.js';
import { slackMessage } from './slack-message.js';

const promotion = { kind: 'release', dryRun: false };

describe('which status change notifies', () => {
  it('a promotion notifies when it starts and when it ends, whatever the end', () => {
    expect(notificationTypeForStatus(promotion, 'queued', 'running')).toBe('release.started');
    expect(['succeeded', 'failed', 'rolled_back', 'cancelled'].map((to) => notificationTypeForStatus(promotion, 'running', to))).toEqual(['release.succeeded', 'release.failed', 'release.rolled_back', 'release.cancelled']);
    expect(notificationTypeForStatus(promotion, 'queued', 'awaiting_approval')).toBe('release.awaiting_approval');
    expect(notificationTypeForStatus(promotion, 'awaiting_approval', 'rejected')).toBe('release.rejected');
  });

  it('a resume or an interruption says nothing; a dry run never notifies', () => {
    expect(notificationTypeForStatus(promotion, 'interrupted', 'running')).toBeNull();
    expect(notificationTypeForStatus(promotion, 'running', 'interrupted')).toBeNull();
    expect(notificationTypeForStatus(promotion, 'running', 'monitoring')).toBeNull();
    expect(notificationTypeForStatus({ kind: 'release', dryRun: true }, 'running', 'succeeded')).toBeNull();
  });

  it('a manual rollback that succeeds says the release was rolled back, and Slack says to what', () => {
    expect(notificationTypeForStatus({ kind: 'rollback', dryRun: false }, 'running', 'succeeded')).toBe('release.rolled_back');
    const message = slackMessage({
      type: 'release.rolled_back',
      at: '2026-11-30T01:00:00.000Z',
      project: { id: 'acme-web', name: 'acme-web' },
      release: { id: 'r2', kind: 'rollback', version: '2.6.0', previousVersion: '2.7.0', status: 'succeeded', actor: 'Ann', reason: 'checkout errors' },
      url: 'https://shipgate.acme.example/releases/r2',
      reason: 'checkout errors',
      actor: 'Ann',
    });
    expect(message.text).toBe('acme-web 2.7.0 was rolled back to 2.6.0 — checkout errors');
    expect(JSON.stringify(message.blocks)).toContain('By: Ann');
  });
});
