// The small family of real errors. Expected outcomes (a failing gate) are values, not errors.
// Codes map to CLI exit codes here and to HTTP statuses in the server, once each.
export const ERROR_CODES = {
  USAGE: 2,
  CONFIG_INVALID: 2,
  GATE_BLOCKED: 3,
  GIT_FAILED: 1,
  PUSH_REJECTED: 1,
  DEPLOY_FAILED: 1,
  HEALTH_FAILED: 1,
  MONITOR_FAILED: 1,
  ROLLBACK_FAILED: 1,
  REPORT_FAILED: 1,
  CANCELLED: 1,
  ILLEGAL_TRANSITION: 1,
  INTERNAL: 1,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorLocation {
  /** Path relative to the repository root when possible. */
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

export interface ShipgateErrorOptions extends ErrorLocation {
  /** What to do next, in one sentence. */
  hint?: string;
  cause?: unknown;
}

export class ShipgateError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: ShipgateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShipgateError';
    this.code = code;
    this.hint = options.hint;
    const { file, line, column, field } = options;
    this.location = {
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
      ...(field === undefined ? {} : { field }),
    };
  }

  get exitCode(): number {
    return ERROR_CODES[this.code];
  }

  /** `.shipgate.yaml:12:5 deploy.provider: unknown provider ... — hint` */
  format(): string {
    const { file, line, column, field } = this.location;
    const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''} ` : '';
    const what = field ? `${field}: ` : '';
    return `${where}${what}${this.message}${this.hint ? `\n  → ${this.hint}` : ''}`;
  }

  toJSON(): { code: ErrorCode; message: string; hint?: string } & ErrorLocation {
    return { code: this.code, message: this.message, ...this.location, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/**
 * Every ShipgateError carries this registry symbol, so a second copy of core in the same
 * process (the bundled CLI entry beside the server's own modules) still recognises it.
 */
const SHIPGATE_ERROR = Symbol.for('shipgate.ShipgateError');
Object.defineProperty(ShipgateError.prototype, SHIPGATE_ERROR, { value: true });

export function isShipgateError(error: unknown): error is ShipgateError {
  return error instanceof ShipgateError || (typeof error === 'object' && error !== null && (error as { [SHIPGATE_ERROR]?: unknown })[SHIPGATE_ERROR] === true);
}
