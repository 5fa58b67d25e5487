// The state of one release while it runs: the plan, the journal, the record folded from
// its events, and the helpers every step uses (run a step, log, record a fact).
import type { ShipgateConfig } from '../config/config-types.js';
import { deployProviderFor } from '../deploy/deploy-providers.js';
import type { DeployProvider } from '../deploy/deploy-provider.js';
import type { CoreContext } from '../context.js';
import { isShipgateError, ShipgateError } from '../errors.js';
import type { ReleaseEvent, ReleaseFactKey } from '../events.js';
import type { Repository } from '../git/repository.js';
import type { ReleasePlan } from '../model/plan-types.js';
import { writeJournal, type ReleaseJournal } from './journal.js';
import { createReleaseRecord, recordEvent, type ReleaseRecord } from '../report/release-record.js';
import { StatusKeeper, type SetStatusOptions } from './status-keeper.js';
import type { ReleaseStatus, StepName, StepStatus } from '../model/statuses.js';

export interface StepOutcome {
  status?: Extract<StepStatus, 'succeeded' | 'skipped'>;
  detail: string;
}

export class ReleaseRun {
  readonly record: ReleaseRecord = createReleaseRecord();
  ctx: CoreContext;
  private readonly keeper: StatusKeeper;
  /** A dry run writes no journal. */
  dryRun = false;
  /** The monitoring chart (inline SVG) for the report, once monitoring has samples. */
  chart: () => string | null = () => null;
  /** The steps an earlier run of this release started, as its journal said when this run began. */
  private readonly earlier: ReleaseJournal['steps'];

  constructor(
    baseCtx: CoreContext,
    readonly repo: Repository,
    readonly config: ShipgateConfig,
    readonly plan: ReleasePlan,
    readonly journal: ReleaseJournal,
    /** The deploy provider this run uses (default: the configured one). */
    readonly provider: DeployProvider = deployProviderFor(config.deploy.provider),
  ) {
    const emit = (event: ReleaseEvent) => {
      recordEvent(this.record, event, baseCtx.clock.now().toISOString());
      baseCtx.emit(event);
    };
    this.ctx = { ...baseCtx, emit };
    this.earlier = { ...journal.steps };
    this.keeper = new StatusKeeper(emit, 'queued', async (status) => {
      this.journal.status = status;
      await this.saveJournal();
    });
  }

  get version(): string {
    return this.journal.version;
  }

  get tag(): string {
    return this.journal.tag;
  }

  /** The one way a release changes status (status-keeper.ts): lifecycle, journal, event. */
  setStatus(next: ReleaseStatus, options: SetStatusOptions = {}): Promise<void> {
    return this.keeper.set(next, options);
  }

  get status(): ReleaseStatus {
    return this.keeper.status;
  }

  /** A resumed run starts where the journal left it (interrupted). */
  set status(status: ReleaseStatus) {
    this.keeper.status = status;
  }

  fact(key: ReleaseFactKey, value: string | null | undefined): void {
    if (value) this.ctx.emit({ type: 'release.fact', key, value });
  }

  log(step: StepName, line: string, stream: 'stdout' | 'stderr' | 'info' | 'warn' = 'info'): void {
    this.ctx.emit({ type: 'step.log', step, line, stream });
  }

  async saveJournal(): Promise<void> {
    if (this.dryRun) return;
    await writeJournal(this.ctx, this.repo, this.journal);
  }

  /** After a cancel, the rollback and its checks must still run: drop the cancel signal. */
  detachFromCancel(): void {
    const { signal: _signal, ...rest } = this.ctx;
    this.ctx = rest;
  }

  isCancelled(): boolean {
    return this.ctx.signal?.aborted === true;
  }

  /** Runs one step: emits started/finished with its duration, records it in the journal. */
  async step(name: StepName, title: string, body: () => Promise<StepOutcome>): Promise<void> {
    if (this.isCancelled()) throw new ShipgateError('CANCELLED', `cancelled before ${name}`);
    const started = this.ctx.clock.now().getTime();
    this.ctx.emit({ type: 'step.started', step: name, title });
    this.journal.steps[name] = 'running';
    await this.saveJournal();
    const elapsed = () => this.ctx.clock.now().getTime() - started;
    try {
      const outcome = await body();
      const status = outcome.status ?? 'succeeded';
      this.journal.steps[name] = status;
      await this.saveJournal();
      this.ctx.emit({ type: 'step.finished', step: name, status, detail: outcome.detail, durationMs: elapsed() });
    } catch (error) {
      const detail = isShipgateError(error) ? error.message : error instanceof Error ? error.message : String(error);
      this.journal.steps[name] = 'failed';
      await this.saveJournal();
      this.ctx.emit({ type: 'step.finished', step: name, status: 'failed', detail, durationMs: elapsed() });
      throw error;
    }
  }

  /** Marks a step skipped without running it. */
  skip(name: StepName, title: string, detail: string): void {
    this.ctx.emit({ type: 'step.started', step: name, title });
    this.journal.steps[name] = 'skipped';
    this.ctx.emit({ type: 'step.finished', step: name, status: 'skipped', detail, durationMs: 0 });
  }

  /**
   * Whether an earlier run of this release started `name` (an interrupted or resumed release).
   * Only then can git or the remote already hold what the step makes, and the step reads them
   * before acting; a step this run starts first acts straight away.
   */
  startedBefore(name: StepName): boolean {
    const status = this.earlier[name];
    return status !== undefined && status !== 'pending';
  }

  isDone(name: StepName): boolean {
    return this.journal.steps[name] === 'succeeded';
  }
}
