// One wording for "could not talk to the other side", shared by the HTTP and TCP ports:
// users read these in health-check tables and step logs.
export type ConnectionFailure = 'refused' | 'timeout' | 'closed' | 'reset' | 'not-found' | 'cancelled' | 'other';

export class ConnectionError extends Error {
  readonly failure: ConnectionFailure;
  constructor(failure: ConnectionFailure, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ConnectionError';
    this.failure = failure;
  }
}

/** Translates a socket-level error (node or undici) into a ConnectionError with a plain message. */
export function describeConnectionError(error: unknown, host: string): ConnectionError {
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return new ConnectionError('refused', 'connection refused', error);
    case 'ECONNRESET':
      return new ConnectionError('reset', 'connection reset by peer', error);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConnectionError('not-found', `host not found: ${host}`, error);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ConnectionError('other', `host unreachable: ${host}`, error);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new ConnectionError('closed', 'connection closed before the response', error);
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new ConnectionError('other', message, error);
    }
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? undefined : errorCode(cause);
}
