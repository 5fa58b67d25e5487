// The one place a run changes its status: the lifecycle checks the move, the journal (when
// the run keeps one) is written, then the event is emitted. A final status is the run's last
// event; the ship report written for it comes right before it, its error with it.
import type { Emit } from '../context.js';
import type { ShipgateError } from '../errors.js';
import { isTerminalStatus, transition, type ReleaseStatus } from '../model/lifecycle.js';

export interface SetStatusOptions {
  reason?: string | undefined;
  /** Keep the journal pending: the next promote finishes this release. */
  resumable?: boolean;
  /** With a final status: the outcome's error. */
  error?: ShipgateError | null;
  /** With a final status: the report written for it (file: null when it is not kept in the repository). */
  report?: { file: string | null; markdown: string } | null;
}

export class StatusKeeper {
  constructor(
    private readonly emit: Emit,
    public status: ReleaseStatus = 'queued',
    /** Writes the journal: `journalStatus` is what a re-run should see. */
    private readonly persist: (journalStatus: ReleaseStatus) => Promise<void> = async () => {},
  ) {}

  async set(next: ReleaseStatus, options: SetStatusOptions = {}): Promise<void> {
    if (next === this.status) return;
    this.status = transition(this.status, next);
    await this.persist(options.resumable ? 'interrupted' : next);
    const final = isTerminalStatus(next);
    if (final && options.report) this.emit({ type: 'release.report', file: options.report.file, status: next, markdown: options.report.markdown });
    const { reason } = options;
    this.emit({ type: 'release.status', status: next, ...(reason ? { reason } : {}), ...(final ? { error: options.error ? options.error.toJSON() : null } : {}) });
  }
}
