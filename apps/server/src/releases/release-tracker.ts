// Persists and broadcasts what core emits for one release, nothing more: core owns the
// lifecycle (its final status comes last, after the ship report), and every status change
// here is checked by core's lifecycle and written before the event is published. The server
// moves a status itself only for what happens around a run: queued → running while it
// prepares, interrupted when it stops, failed when the run could not even start.
// Core emits synchronously; the database answers asynchronously: events and status moves
// are applied one after another through a queue, in the order they were emitted.
import { canTransition, isTerminalStatus, transition, type ReleaseErrorJson, type ReleaseEvent, type ReleaseStatus } from '@shipgate/core';
import type { ReleaseOutcome } from '../engine.js';
import { lockAfterRollback } from '../guardrails/lock-after-rollback.js';
import type { Services } from '../services.js';

const FACT_COLUMNS = { version: 'version', previousVersion: 'previousVersion', tag: 'tag', commit: 'commit' } as const;

export class ReleaseTracker {
  currentStep: string | null;
  /** Set when the server gave up on this run (shutdown): later events are ignored. */
  private detached = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly svc: Services,
    readonly releaseId: string,
    public status: ReleaseStatus,
    currentStep: string | null = null,
  ) {
    this.currentStep = currentStep;
  }

  readonly emit = (event: ReleaseEvent): void => {
    if (this.detached) return;
    void this.enqueue(async () => {
      try {
        await this.apply(event);
      } catch (error) {
        this.svc.log.error({ err: error, releaseId: this.releaseId, event: event.type }, 'could not record a release event');
      }
    });
  };

  /** Runs `work` after everything emitted or moved before it; its failure is the caller's. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.then(
      () => {},
      () => {},
    );
    return result;
  }

  /** Settles when every event emitted so far is recorded. */
  idle(): Promise<void> {
    return this.enqueue(async () => {});
  }

  private async apply(event: ReleaseEvent): Promise<void> {
    const { releases } = this.svc;
    const now = () => new Date().toISOString();
    switch (event.type) {
      case 'release.status': {
        // the server already moved it there (running while it prepared the run)
        if (event.status === this.status) return;
        const final = isTerminalStatus(event.status);
        await this.moveNow(event.status, event.reason, final ? { error: event.error ?? null, currentStep: null } : {}, event.error);
        return;
      }
      case 'release.report': {
        const release = await releases.get(this.releaseId);
        if (release && event.markdown !== undefined) {
          await this.svc.reports.save({ releaseId: this.releaseId, projectId: release.projectId, version: release.version, status: event.status, markdown: event.markdown, createdAt: now() });
        }
        // the report itself is fetched from /report: the log keeps the event small
        this.svc.eventLog.append(this.releaseId, { type: 'release.report', file: event.file, status: event.status });
        return;
      }
      case 'production.changed': {
        const release = await releases.get(this.releaseId);
        if (release && !release.dryRun) await this.svc.projects.setProduction(release.projectId, event);
        break;
      }
      case 'release.fact':
        if (event.key in FACT_COLUMNS) await releases.update(this.releaseId, { [FACT_COLUMNS[event.key as keyof typeof FACT_COLUMNS]]: event.value });
        break;
      case 'step.started':
        this.currentStep = event.step;
        await releases.update(this.releaseId, { currentStep: event.step });
        await releases.updateStep(this.releaseId, event.step, { status: 'running', startedAt: now(), finishedAt: null });
        break;
      case 'step.finished':
        await releases.updateStep(this.releaseId, event.step, { status: event.status, finishedAt: now(), detail: event.detail });
        break;
      default:
        break;
    }
    this.svc.eventLog.append(this.releaseId, event);
  }

  /** Persists one legal status change (core's lifecycle decides), then publishes it. */
  moveTo(to: ReleaseStatus, reason?: string, patch: Record<string, unknown> = {}, error?: ReleaseErrorJson | null): Promise<void> {
    return this.enqueue(() => this.moveNow(to, reason, patch, error));
  }

  private async moveNow(to: ReleaseStatus, reason?: string, patch: Record<string, unknown> = {}, error?: ReleaseErrorJson | null): Promise<void> {
    const from = this.status;
    transition(from, to);
    const now = new Date().toISOString();
    const times = { ...(to === 'running' ? { startedAt: now, finishedAt: null } : {}), ...(isTerminalStatus(to) ? { finishedAt: now } : {}) };
    if (!(await this.svc.releases.setStatus(this.releaseId, from, to, { ...times, ...patch }))) {
      throw new Error(`release ${this.releaseId} is no longer ${from}`);
    }
    this.status = to;
    this.svc.eventLog.append(this.releaseId, { type: 'release.status', status: to, ...(reason ? { reason } : {}), ...(error !== undefined ? { error } : {}) });
    this.svc.notifier.onStatus(this.releaseId, from, to, reason ?? error?.message ?? null);
    if (to === 'rolled_back') this.afterAutomaticRollback();
  }

  /** Core rolled this release back itself (a failed check or monitoring): lockAfterRollback may lock the project. */
  private afterAutomaticRollback(): void {
    const lock = async () => {
      const release = await this.svc.releases.get(this.releaseId);
      if (release) await lockAfterRollback(this.svc, release);
    };
    lock().catch((err: unknown) => this.svc.log.error({ err, releaseId: this.releaseId }, 'could not lock the project after the automatic rollback'));
  }

  /** After the engine answered: its last event was the final status; the project learns its new version. */
  async finish(outcome: ReleaseOutcome): Promise<void> {
    await this.idle();
    if (this.detached) return;
    if (!isTerminalStatus(this.status)) {
      await this.fail(new Error(`the engine ended the run without a final status (it said ${outcome.status})`));
      return;
    }
    const release = await this.svc.releases.get(this.releaseId);
    if (release && release.status === 'succeeded' && release.kind === 'release' && !release.dryRun && outcome.version) {
      await this.svc.projects.setCurrentVersion(release.projectId, outcome.version);
    }
  }

  /** The run could not start or the engine threw instead of answering: the release failed. */
  fail(error: unknown): Promise<void> {
    return this.enqueue(async () => {
      if (this.detached || isTerminalStatus(this.status)) return;
      const code = (error as { code?: unknown })?.code;
      const message = error instanceof Error ? error.message : String(error);
      const json = { code: typeof code === 'string' ? code : 'INTERNAL', message };
      await this.moveNow('failed', message, { error: json, currentStep: null }, json);
    });
  }

  /** The server stops before the run ends: mark the release interrupted in its current step. */
  interrupt(reason: string): Promise<void> {
    // ahead of the queue: what the run emits from now on is ignored
    const wasDetached = this.detached;
    this.detached = true;
    return this.enqueue(async () => {
      if (wasDetached || !canTransition(this.status, 'interrupted')) return;
      await this.moveNow('interrupted', reason, { interruptedStep: this.currentStep });
    });
  }
}
