// JSON schemas of the API, reused by every route (validation, serialization and OpenAPI).
import { RELEASE_ACTIONS, RELEASE_KINDS, RELEASE_STATUSES, STEP_STATUSES } from '@shipgate/core';

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } },
} as const;

export const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: str, message: str },
  additionalProperties: true,
} as const;

export const stepSchema = {
  type: 'object',
  properties: {
    name: str,
    status: { type: 'string', enum: STEP_STATUSES },
    startedAt: nullableStr,
    finishedAt: nullableStr,
    detail: nullableStr,
  },
} as const;

const approvalDecisionSchema = {
  type: 'object',
  properties: { actor: str, actorId: str, at: str, commit: str, version: nullableStr, comment: nullableStr },
} as const;

/** A release's approvals (CONTRACT §7); null when it was promoted without approvals required. */
export const approvalSchema = {
  type: 'object',
  nullable: true,
  properties: {
    required: { type: 'integer' },
    commit: str,
    approvals: { type: 'array', items: approvalDecisionSchema },
    stillNeeded: { type: 'integer' },
    void: { type: 'array', items: { ...approvalDecisionSchema, properties: { ...approvalDecisionSchema.properties, reason: str } } },
    replanned: nullableStr,
    rejection: { ...approvalDecisionSchema, nullable: true },
    refusals: { type: 'object', properties: { approve: str, reject: str } },
  },
} as const;

export const releaseSchema = {
  type: 'object',
  properties: {
    id: str,
    projectId: str,
    kind: { type: 'string', enum: RELEASE_KINDS },
    status: { type: 'string', enum: RELEASE_STATUSES },
    actions: { type: 'array', items: { type: 'string', enum: RELEASE_ACTIONS } },
    reason: nullableStr,
    rolledBackBy: nullableStr,
    rollbackOf: nullableStr,
    version: nullableStr,
    previousVersion: nullableStr,
    tag: nullableStr,
    commit: nullableStr,
    actor: str,
    actorId: nullableStr,
    bump: nullableStr,
    spec: nullableStr,
    dryRun: { type: 'boolean' },
    createdAt: str,
    startedAt: nullableStr,
    finishedAt: nullableStr,
    currentStep: nullableStr,
    interruptedStep: nullableStr,
    steps: { type: 'array', items: stepSchema },
    // nullable, not anyOf: fast-json-stringify validates every anyOf branch (slow lists)
    error: { type: 'object', nullable: true, properties: { code: str, message: str }, additionalProperties: true },
    approval: approvalSchema,
  },
} as const;

export const projectSchema = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    dir: str,
    currentVersion: nullableStr,
    productionVersion: nullableStr,
    production: {
      type: 'object',
      nullable: true,
      properties: { version: nullableStr, tag: nullableStr, commit: nullableStr, since: nullableStr, releaseId: nullableStr },
    },
    lastRelease: { ...releaseSchema, nullable: true },
    lock: {
      type: 'object',
      nullable: true,
      properties: { reason: str, by: str, since: str, automatic: { type: 'boolean' } },
    },
    approvalsRequired: { type: 'integer' },
    freeze: {
      type: 'object',
      nullable: true,
      description: 'the freeze promotes are under now (active), else the next one within 14 days',
      properties: { name: str, from: str, until: str, active: { type: 'boolean' } },
    },
  },
} as const;

/** A person's reason (lock, override, reject): required text that is not only blank, at most `max` characters. */
function reasonText<N extends number>(max: N) {
  return { type: 'string', minLength: 1, maxLength: max, pattern: '\\S' } as const;
}

export const lockBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: reasonText(500) },
} as const;

/** The `plan --json` object; nested parts are documented in CONTRACT §1. */
export const planSchema = {
  type: 'object',
  properties: {
    project: str,
    currentVersion: nullableStr,
    nextVersion: nullableStr,
    bump: nullableStr,
    tag: nullableStr,
    blocked: { type: 'boolean' },
    blockers: { type: 'array', items: str },
    changelog: str,
    steps: { type: 'array', items: str },
  },
  additionalProperties: true,
} as const;

export const eventSchema = {
  type: 'object',
  required: ['seq', 'at', 'type'],
  properties: { seq: { type: 'integer' }, at: str, type: str },
  additionalProperties: true,
} as const;

export const reportSummarySchema = {
  type: 'object',
  properties: { releaseId: str, project: str, version: nullableStr, status: str, createdAt: str },
} as const;

export const promoteBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    bump: { type: 'string', pattern: '^(auto|major|minor|patch|\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?)$' },
    spec: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,200}$' },
    dryRun: { type: 'boolean' },
    monitor: { type: 'boolean' },
    allowUnvalidated: {
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      description: 'promote although code changed after the commit staging validated (CONTRACT §3.1); the ship report records who and why',
      properties: { reason: reasonText(500) },
    },
    override: {
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      description: 'promote during a freeze (admins only, CONTRACT §7); audited and recorded in the ship report',
      properties: { reason: reasonText(500) },
    },
  },
} as const;

export const rollbackBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reason: { type: 'string', maxLength: 2000 },
    to: { type: 'string', pattern: '^v?\\d+\\.\\d+\\.\\d+$' },
  },
} as const;

/** POST /api/releases/:id/{cancel,resume}: why (recorded in the audit trail). */
export const reasonBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 2000 } },
} as const;

/** POST /api/releases/:id/approve: an optional comment (recorded with the approval and in the ship report). */
export const approveBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 2000 } },
} as const;

/** POST /api/releases/:id/reject: why, required (recorded on the release, in the audit trail). */
export const rejectBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: reasonText(2000) },
} as const;

export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorSchema]));
