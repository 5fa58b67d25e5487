// A release's approval state → the API's `approval` (CONTRACT §7): who approved (counting),
// which approvals stopped counting and why, how many are still needed, who rejected it, and
// why the caller may not approve or reject (core's refusalOf words, shown on disabled buttons).
import { allowedActions, refusalOf, type ActionFacts } from '@shipgate/core';
import type { ApprovalDecisionDto, ApprovalDto } from '@shipgate/contract';
import type { ApprovalRow, ApprovalState } from '../repositories/approval-repository.js';

const ACTING = new Set(['deployer', 'admin']);

/** The caller's part in a release's approvals (core's ActionFacts.caller). */
export function callerPart(state: ApprovalState, requesterId: string | null, callerId: string | null): ActionFacts['caller'] {
  if (callerId === null) return undefined;
  return { requested: callerId === requesterId, approved: countingApprovals(state).some((a) => a.actorId === callerId) };
}

/** The approvals that count: for the current plan, not made void by a move of main. */
export function countingApprovals(state: ApprovalState): ApprovalRow[] {
  return state.decisions.filter((d) => d.decision === 'approve' && d.voidReason === null);
}

const decision = (row: ApprovalRow): ApprovalDecisionDto => ({ actor: row.actor, actorId: row.actorId, at: row.at, commit: row.commit, version: row.version, comment: row.comment });

export function toApprovalDto(state: ApprovalState, facts: ActionFacts, role: string | null): ApprovalDto {
  const counting = countingApprovals(state);
  const awaiting = facts.status === 'awaiting_approval';
  const rejection = state.decisions.find((d) => d.decision === 'reject');
  const refusals: ApprovalDto['refusals'] = {};
  if (awaiting) {
    const allowed = allowedActions(facts, role);
    for (const action of ['approve', 'reject'] as const) {
      if (allowed.includes(action)) continue;
      refusals[action] = role === null || !ACTING.has(role) ? `viewers cannot ${action}: it needs the deployer role` : refusalOf(facts, action);
    }
  }
  return {
    required: state.request.required,
    commit: state.request.commit,
    approvals: counting.map(decision),
    stillNeeded: awaiting ? Math.max(0, state.request.required - counting.length) : 0,
    void: state.decisions.filter((d) => d.decision === 'approve' && d.voidReason !== null).map((d) => ({ ...decision(d), reason: d.voidReason ?? '' })),
    replanned: state.request.replanned,
    rejection: rejection ? decision(rejection) : null,
    refusals,
  };
}
