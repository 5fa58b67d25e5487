// The field names Spec-Flow's state.yaml has used over time (CONTRACT §6). Read them in
// this order, first found wins.

export type FieldPath = readonly string[];

export const STAGING_VALIDATION_MAPS: readonly FieldPath[] = [
  ['workflow', 'manual_gates', 'staging_validation'],
  ['manual_gates', 'staging_validation'],
];
export const APPROVED_BY_KEYS = ['approved_by', 'validated_by', 'approver'] as const;
export const APPROVED_AT_KEYS = ['approved_at', 'validated_at', 'timestamp'] as const;

export const ROLLBACK_CAPABILITY_PASSED: FieldPath = ['quality_gates', 'rollback_capability', 'passed'];
export const ROLLBACK_STATUS: FieldPath = ['quality_gates', 'rollback', 'status'];
export const ROLLBACK_TESTED_KEY = 'rollback_tested';
export const ROLLBACK_AT_KEYS = ['timestamp', 'passed_at', 'tested_at'] as const;

export const PHASE_FIELDS: readonly FieldPath[] = [['workflow', 'phase'], ['current_phase'], ['phase']];

export const SHIP_PROD_PHASE = 'ship:ship-prod';

export const dotted = (path: FieldPath): string => path.join('.');
