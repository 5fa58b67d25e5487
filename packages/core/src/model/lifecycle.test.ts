import { describe, expect, it } from 'vitest';
import { ACTIVE_RELEASE_STATUSES, allowedActions, canTransition, isActiveStatus, isLiveStatus, isTerminalStatus, LIFECYCLE, RELEASE_STATUSES, refusalOf, TERMINAL_RELEASE_STATUSES, transition, type ActionFacts } from './lifecycle.js';

const release = (patch: Partial<ActionFacts> = {}): ActionFacts => ({ status: 'succeeded', kind: 'release', dryRun: false, rolledBackBy: null, inProduction: true, ...patch });

describe('the release lifecycle', () => {
  it('derives every list from the one table', () => {
    expect(RELEASE_STATUSES).toEqual(['awaiting_approval', 'queued', 'running', 'monitoring', 'rolling_back', 'interrupted', 'succeeded', 'failed', 'rolled_back', 'cancelled', 'rejected']);
    expect(TERMINAL_RELEASE_STATUSES).toEqual(['succeeded', 'failed', 'rolled_back', 'cancelled', 'rejected']);
    expect(ACTIVE_RELEASE_STATUSES).toEqual(['awaiting_approval', 'queued', 'running', 'monitoring', 'rolling_back', 'interrupted']);
    for (const status of RELEASE_STATUSES) for (const next of LIFECYCLE[status].next) expect(RELEASE_STATUSES).toContain(next);
  });

  it('a finished release never moves again: a manual rollback is a new record, not a status of the old one', () => {
    for (const status of TERMINAL_RELEASE_STATUSES) for (const to of RELEASE_STATUSES) expect(canTransition(status, to)).toBe(false);
    expect(() => transition('succeeded', 'rolling_back')).toThrow(/a succeeded release cannot become rolling_back \(allowed: nothing \(final\)\)/);
    expect(transition('running', 'monitoring')).toBe('monitoring');
  });

  it('offers cancel while a release works, resume and cancel when interrupted, nothing while rolling back', () => {
    expect(allowedActions(release({ status: 'queued' }), 'deployer')).toEqual(['cancel']);
    expect(allowedActions(release({ status: 'running' }), 'deployer')).toEqual(['cancel']);
    expect(allowedActions(release({ status: 'monitoring' }), 'deployer')).toEqual(['cancel']);
    expect(allowedActions(release({ status: 'interrupted' }), 'deployer')).toEqual(['resume', 'cancel']);
    expect(allowedActions(release({ status: 'rolling_back' }), 'deployer')).toEqual([]);
    expect(allowedActions(release({ status: 'rolled_back' }), 'deployer')).toEqual([]);
  });

  it('rolls back only the release production runs, once, and never a rollback record or a dry run', () => {
    expect(allowedActions(release(), 'deployer')).toEqual(['rollback']);
    expect(allowedActions(release({ status: 'failed' }), 'admin')).toEqual(['rollback']);
    expect(allowedActions(release({ inProduction: false }), 'deployer')).toEqual([]);
    expect(allowedActions(release({ rolledBackBy: 'rel_2' }), 'deployer')).toEqual([]);
    expect(allowedActions(release({ kind: 'rollback' }), 'deployer')).toEqual([]);
    expect(allowedActions(release({ dryRun: true }), 'deployer')).toEqual([]);
    expect(refusalOf(release({ rolledBackBy: 'rel_2' }), 'rollback')).toMatch(/already rolled back \(rel_2\)/);
    expect(refusalOf(release({ dryRun: true }), 'rollback')).toMatch(/dry run deployed nothing/);
    expect(refusalOf(release({ status: 'cancelled' }), 'rollback')).toBe('a cancelled release cannot be rolled back');
  });

  it('a release awaiting approval holds the project, waits for nobody but people, and starts, is rejected or cancelled', () => {
    expect(isActiveStatus('awaiting_approval')).toBe(true);
    expect(isLiveStatus('awaiting_approval')).toBe(false);
    expect(isTerminalStatus('rejected')).toBe(true);
    expect(isActiveStatus('rejected')).toBe(false);
    expect(LIFECYCLE.awaiting_approval.next).toEqual(['queued', 'rejected', 'cancelled']);
    expect(() => transition('awaiting_approval', 'running')).toThrow(/an awaiting_approval release cannot become running \(allowed: queued, rejected, cancelled\)/);
    expect(() => transition('rejected', 'queued')).toThrow(/allowed: nothing \(final\)/);
  });

  it('offers approve and reject to other deployers, only cancel to the requester, and says why', () => {
    const waiting = release({ status: 'awaiting_approval', inProduction: false });
    expect(allowedActions({ ...waiting, caller: { requested: false, approved: false } }, 'deployer')).toEqual(['approve', 'reject', 'cancel']);
    expect(allowedActions({ ...waiting, caller: { requested: true, approved: false } }, 'admin')).toEqual(['cancel']);
    expect(allowedActions({ ...waiting, caller: { requested: false, approved: true } }, 'deployer')).toEqual(['reject', 'cancel']);
    // without knowing who asks, nobody is offered approve or reject (deny by default)
    expect(allowedActions(waiting, 'deployer')).toEqual(['cancel']);
    expect(allowedActions({ ...waiting, caller: { requested: false, approved: false } }, 'viewer')).toEqual([]);
    expect(refusalOf({ ...waiting, caller: { requested: true, approved: false } }, 'approve')).toBe('you requested this release; someone else must approve');
    expect(refusalOf({ ...waiting, caller: { requested: true, approved: false } }, 'reject')).toBe('you requested this release; cancel it to withdraw it, someone else may reject it');
    expect(refusalOf({ ...waiting, caller: { requested: false, approved: true } }, 'approve')).toBe('you approved this release already; someone else must give the next approval');
    expect(refusalOf(release({ status: 'running' }), 'approve')).toBe('a running release is not awaiting approval');
  });

  it('a viewer, an unknown role or no role may do nothing', () => {
    for (const role of ['viewer', 'auditor', null]) expect(allowedActions(release({ status: 'running' }), role)).toEqual([]);
  });
});
