// Applies one release's events to its database row as they happen: every status change goes
// through core's state machine and is persisted before the event is published.
import { canTransition, transition, type ReleaseEvent, type ReleaseStatus } from '@shipgate/core';
import { isTerminalStatus } from '@shipgate/core';
import type { ReleaseOutcome } from '../engine.js';
import type { Services } from '../services.js';

const FACT_COLUMNS = { version: 'version', previousVersion: 'previousVersion', tag: 'tag', commit: 'commit' } as const;

export class ReleaseTracker {
  currentStep: string | null;
  /** Set when the server gave up on this run (shutdown): later events are ignored. */
  private detached = false;
  /** The reason the engine gave with its final status, published by finish(). */
  private finalReason: string | undefined;

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
      case 'release.status':
        // the final status waits for finish(): it is published after the ship report is saved,
        // so a client that sees "succeeded" can always fetch the report
        if (isTerminalStatus(event.status)) this.finalReason = event.reason;
        else if (event.status !== this.status) this.moveTo(event.status, event.reason);
        return;
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

  /** Persists a legal status change (through rolling_back when that is the legal road), then publishes it. */
  moveTo(to: ReleaseStatus, reason?: string, patch: Record<string, unknown> = {}): void {
    const road = !canTransition(this.status, to) && canTransition(this.status, 'rolling_back') && canTransition('rolling_back', to) ? ['rolling_back', to] : [to];
    for (const next of road as ReleaseStatus[]) {
      const from = this.status;
      transition(from, next);
      const now = new Date().toISOString();
      const times = { ...(next === 'running' ? { startedAt: now, finishedAt: null } : {}), ...(isTerminalStatus(next) ? { finishedAt: now } : {}) };
      if (!this.svc.releases.setStatus(this.releaseId, from, next, { ...times, ...(next === to ? patch : {}) })) {
        throw new Error(`release ${this.releaseId} is no longer ${from}`);
      }
      this.status = next;
      this.svc.eventLog.append(this.releaseId, { type: 'release.status', status: next, ...(reason && next === to ? { reason } : {}) });
    }
  }

  /** Records the engine's outcome: facts, error, report and the final status. */
  finish(outcome: ReleaseOutcome): void {
    if (this.detached) return;
    const patch: Record<string, unknown> = { error: outcome.error, currentStep: null };
    for (const key of ['version', 'previousVersion', 'tag', 'commit'] as const) if (outcome[key] !== null) patch[key] = outcome[key];
    const release = this.svc.releases.get(this.releaseId);
    if (outcome.report !== null && release) {
      this.svc.reports.save({
        releaseId: this.releaseId,
        projectId: release.projectId,
        version: outcome.version ?? release.version,
        status: outcome.status,
        markdown: outcome.report,
        createdAt: new Date().toISOString(),
      });
    }
    if (outcome.status === this.status) this.svc.releases.update(this.releaseId, patch);
    else this.settle(outcome.status, patch, this.finalReason);
    if (outcome.status === 'succeeded' && release && outcome.version) this.svc.projects.setCurrentVersion(release.projectId, outcome.version);
  }

  /** The engine threw instead of answering: the release failed. */
  fail(error: unknown): void {
    if (this.detached) return;
    const code = (error as { code?: unknown })?.code;
    const message = error instanceof Error ? error.message : String(error);
    this.settle('failed', { error: { code: typeof code === 'string' ? code : 'INTERNAL', message }, currentStep: null }, message);
  }

  /** The server stops before the run ends: mark the release interrupted in its current step. */
  interrupt(reason: string): void {
    if (this.detached || isTerminalStatus(this.status) || !canTransition(this.status, 'interrupted')) return;
    this.moveTo('interrupted', reason, { interruptedStep: this.currentStep });
    this.detached = true;
  }

  private settle(to: ReleaseStatus, patch: Record<string, unknown>, reason?: string): void {
    try {
      this.moveTo(to, reason, patch);
    } catch (error) {
      // never leave a finished run holding the project lock
      this.svc.log.warn({ err: error, releaseId: this.releaseId, from: this.status, to }, 'forcing the final release status');
      this.svc.releases.update(this.releaseId, { ...patch, status: to, finishedAt: new Date().toISOString() });
      this.status = to;
      this.svc.eventLog.append(this.releaseId, { type: 'release.status', status: to, ...(reason ? { reason } : {}) });
    }
  }
}
