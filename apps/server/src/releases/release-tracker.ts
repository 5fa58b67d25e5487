// Persists and broadcasts what core emits for one release, nothing more: core owns the
// lifecycle (its final status comes last, after the ship report), and every status change
// here is checked by core's lifecycle and written before the event is published. The server
// moves a status itself only for what happens around a run: queued → running while it
// prepares, interrupted when it stops, failed when the run could not even start.
import { canTransition, isTerminalStatus, transition, type ReleaseErrorJson, type ReleaseEvent, type ReleaseStatus } from '@shipgate/core';
import type { ReleaseOutcome } from '../engine.js';
import { lockAfterRollback } from '../guardrails/lock-after-rollback.js';
import type { Services } from '../services.js';

const FACT_COLUMNS = { version: 'version', previousVersion: 'previousVersion', tag: 'tag', commit: 'commit' } as const;

export class ReleaseTracker {
  currentStep: string | null;
  /** Set when the server gave up on this run (shutdown): later events are ignored. */
  private detached = false;

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
    try {
      this.apply(event);
    } catch (error) {
      this.svc.log.error({ err: error, releaseId: this.releaseId, event: event.type }, 'could not record a release event');
    }
  };

  private apply(event: ReleaseEvent): void {
    const { releases } = this.svc;
    const now = () => new Date().toISOString();
    switch (event.type) {
      case 'release.status': {
        // the server already moved it there (running while it prepared the run)
        if (event.status === this.status) return;
        const final = isTerminalStatus(event.status);
        this.moveTo(event.status, event.reason, final ? { error: event.error ?? null, currentStep: null } : {}, event.error);
        return;
      }
      case 'release.report': {
        const release = releases.get(this.releaseId);
        if (release && event.markdown !== undefined) {
          this.svc.reports.save({ releaseId: this.releaseId, projectId: release.projectId, version: release.version, status: event.status, markdown: event.markdown, createdAt: now() });
        }
        // the report itself is fetched from /report: the log keeps the event small
        this.svc.eventLog.append(this.releaseId, { type: 'release.report', file: event.file, status: event.status });
        return;
      }
      case 'production.changed': {
        const release = releases.get(this.releaseId);
        if (release && !release.dryRun) this.svc.projects.setProduction(release.projectId, event);
        break;
      }
      case 'release.fact':
        if (event.key in FACT_COLUMNS) releases.update(this.releaseId, { [FACT_COLUMNS[event.key as keyof typeof FACT_COLUMNS]]: event.value });
        break;
      case 'step.started':
        this.currentStep = event.step;
        releases.update(this.releaseId, { currentStep: event.step });
        releases.updateStep(this.releaseId, event.step, { status: 'running', startedAt: now(), finishedAt: null });
        break;
      case 'step.finished':
        releases.updateStep(this.releaseId, event.step, { status: event.status, finishedAt: now(), detail: event.detail });
        break;
      default:
        break;
    }
    this.svc.eventLog.append(this.releaseId, event);
  }

  /** Persists one legal status change (core's lifecycle decides), then publishes it. */
  moveTo(to: ReleaseStatus, reason?: string, patch: Record<string, unknown> = {}, error?: ReleaseErrorJson | null): void {
    const from = this.status;
    transition(from, to);
    const now = new Date().toISOString();
    const times = { ...(to === 'running' ? { startedAt: now, finishedAt: null } : {}), ...(isTerminalStatus(to) ? { finishedAt: now } : {}) };
    if (!this.svc.releases.setStatus(this.releaseId, from, to, { ...times, ...patch })) {
      throw new Error(`release ${this.releaseId} is no longer ${from}`);
    }
    this.status = to;
    this.svc.eventLog.append(this.releaseId, { type: 'release.status', status: to, ...(reason ? { reason } : {}), ...(error !== undefined ? { error } : {}) });
    this.svc.notifier.onStatus(this.releaseId, from, to, reason ?? error?.message ?? null);
    if (to === 'rolled_back') this.afterAutomaticRollback();
  }

  /** Core rolled this release back itself (a failed check or monitoring): lockAfterRollback may lock the project. */
  private afterAutomaticRollback(): void {
    const release = this.svc.releases.get(this.releaseId);
    if (!release) return;
    lockAfterRollback(this.svc, release).catch((err: unknown) => this.svc.log.error({ err, releaseId: this.releaseId }, 'could not lock the project after the automatic rollback'));
  }

  /** After the engine answered: its last event was the final status; the project learns its new version. */
  finish(outcome: ReleaseOutcome): void {
    if (this.detached) return;
    if (!isTerminalStatus(this.status)) {
      this.fail(new Error(`the engine ended the run without a final status (it said ${outcome.status})`));
      return;
    }
    const release = this.svc.releases.get(this.releaseId);
    if (release && release.status === 'succeeded' && release.kind === 'release' && !release.dryRun && outcome.version) {
      this.svc.projects.setCurrentVersion(release.projectId, outcome.version);
    }
  }

  /** The run could not start or the engine threw instead of answering: the release failed. */
  fail(error: unknown): void {
    if (this.detached || isTerminalStatus(this.status)) return;
    const code = (error as { code?: unknown })?.code;
    const message = error instanceof Error ? error.message : String(error);
    const json = { code: typeof code === 'string' ? code : 'INTERNAL', message };
    this.moveTo('failed', message, { error: json, currentStep: null }, json);
  }

  /** The server stops before the run ends: mark the release interrupted in its current step. */
  interrupt(reason: string): void {
    if (this.detached || !canTransition(this.status, 'interrupted')) return;
    this.moveTo('interrupted', reason, { interruptedStep: this.currentStep });
    this.detached = true;
  }
}
