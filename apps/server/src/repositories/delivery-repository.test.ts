// The queue's rules in the real SQLite schema (migrations applied): one claim per attempt,
// "send again" only for finished deliveries, and the log forgets only old finished ones.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { createDeliveryRepository, type NewDelivery } from './delivery-repository.js';

const row = (id: string, patch: Partial<NewDelivery> = {}): NewDelivery => ({
  id,
  projectId: 'acme-web',
  type: 'release.started',
  targetKind: 'webhook',
  targetName: 'ops-hook',
  status: 'pending',
  nextAttemptAt: '2026-11-30T01:00:00.000Z',
  createdAt: '2026-11-30T01:00:00.000Z',
  body: '{}',
  ...patch,
});

describe('the deliveries repository', () => {
  it('hands a due delivery to one claimer only, and records attempts until it is delivered', async () => {
    const repo = createDeliveryRepository(openDatabase(':memory:'));
    await repo.insert([row('a'), row('b', { nextAttemptAt: '2026-11-30T02:00:00.000Z' })]);
    expect((await repo.due('2026-11-30T01:30:00.000Z', 10)).map((d) => d.id)).toEqual(['a']);
    expect(await repo.claim('a')).toBe(true);
    expect(await repo.claim('a')).toBe(false);
    expect(await repo.nextDueAt()).toBe('2026-11-30T02:00:00.000Z');
    await repo.recordAttempt('a', 1, { at: '2026-11-30T01:30:00.000Z', ok: false, status: 500, error: 'answered 500', nextAttemptAt: '2026-11-30T01:31:00.000Z' });
    expect(await repo.get('a')).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'answered 500' });
    expect(await repo.requeue('a', '2026-11-30T01:30:01.000Z')).toBe(false); // still under way
    await repo.claim('a');
    await repo.recordAttempt('a', 2, { at: '2026-11-30T01:31:00.000Z', ok: true, status: 200, error: null, nextAttemptAt: null });
    expect(await repo.get('a')).toMatchObject({ status: 'delivered', attempts: 2, lastError: null, nextAttemptAt: null });
    expect(await repo.requeue('a', '2026-11-30T03:00:00.000Z')).toBe(true);
    expect(await repo.get('a')).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: '2026-11-30T03:00:00.000Z' });
  });

  it('a restart sends cut-off attempts again; pruning forgets only old finished deliveries', async () => {
    const repo = createDeliveryRepository(openDatabase(':memory:'));
    await repo.insert([row('cut', { status: 'sending' }), row('old-done', { status: 'delivered' }), row('old-failed', { status: 'failed' }), row('old-pending'), row('new-done', { status: 'delivered', createdAt: '2026-11-30T05:00:00.000Z' })]);
    expect(await repo.requeueSending('2026-11-30T04:00:00.000Z')).toBe(1);
    expect(await repo.get('cut')).toMatchObject({ status: 'pending', nextAttemptAt: '2026-11-30T04:00:00.000Z' });
    expect(await repo.prune('2026-11-30T02:00:00.000Z')).toBe(2);
    expect((await repo.listForProject('acme-web', 10)).map((d) => d.id).sort()).toEqual(['cut', 'new-done', 'old-pending']);
  });
});
