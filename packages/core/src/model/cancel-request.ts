// Who cancelled a run and why. The server aborts the run's signal with a CancelRequest as the
// abort reason (AbortController.abort(reason)); the engine reads it back to say, in the status
// reason and the ship report, "cancelled by Ann: the load balancer is flapping". Its name is
// AbortError, so everything that treats an aborted signal as an AbortError still does.

export class CancelRequest extends Error {
  override readonly name = 'AbortError';
  constructor(
    readonly actor: string,
    readonly why: string | null = null,
  ) {
    super(why ? `cancelled by ${actor}: ${why}` : `cancelled by ${actor}`);
  }
}

/** The request behind an aborted signal, or null (a signal aborted without one: Ctrl-C, shutdown). */
export function cancelRequestOf(signal: AbortSignal | undefined): CancelRequest | null {
  return signal?.aborted && signal.reason instanceof CancelRequest ? signal.reason : null;
}

/** "cancelled", or "cancelled by Ann (why: …)" — to start a sentence about the cancel. */
export function cancelledWords(request: CancelRequest | null): string {
  if (!request) return 'cancelled';
  return request.why ? `cancelled by ${request.actor} (${request.why})` : `cancelled by ${request.actor}`;
}
