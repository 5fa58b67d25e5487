// A real fake of the release engine for server tests: plans from the clone's package.json,
// walks the plan's steps emitting events, and lets a test hold a step open or fail it.
import type { CoreContext, Emit, MonitorSample, ReleasePlan, ShipgateConfig, StepName } from '@shipgate/core';
import { fakeContext } from '@shipgate/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine, ReleaseOutcome } from '../engine.js';

export interface FakeEngineOptions {
  blockers?: string[];
  /** Called before each step; may wait (hold the release open) or throw (fail the step). */
  beforeStep?: (step: StepName, signal: AbortSignal | undefined) => Promise<void>;
  /** step.log lines emitted by the deploy step. */
  deployLines?: number;
  /** monitor.sample events emitted after the steps (the last one repeated by a PASS monitor.verdict). */
  samples?: MonitorSample[];
  /** Called between the final status event and returning the outcome (the real engine saves its journal there). */
  afterFinalStatus?: () => Promise<void>;
}

const STEPS: StepName[] = ['verify-gates', 'bump-version', 'tag', 'push', 'deploy', 'health-checks', 'ship-report'];

export class FakeEngine implements Engine {
  plans = 0;
  runs = 0;
  rollbacks = 0;
  /** What the last planRelease was asked (the server passes the promote body's options through). */
  lastPlanInput: Record<string, unknown> | null = null;
  /** What the fake production runs (the fixture's first release until a run moves it). */
  production = '2.6.0';

  constructor(public options: FakeEngineOptions = {}) {}

  createContext(options: { emit: Emit; env?: Record<string, string | undefined>; signal?: AbortSignal }): CoreContext {
    return { ...fakeContext({ env: options.env ?? {} }), emit: options.emit, ...(options.signal ? { signal: options.signal } : {}) };
  }

  async planRelease(input: { repoDir: string }): Promise<{ plan: ReleasePlan; config: ShipgateConfig }> {
    this.plans++;
    this.lastPlanInput = { ...input };
    const current = (JSON.parse(readFileSync(join(input.repoDir, 'package.json'), 'utf8')) as { version: string }).version;
    const [major = 0, minor = 0] = current.split('.').map(Number);
    const blockers = this.options.blockers ?? [];
    const next = blockers.length ? null : `${major}.${minor + 1}.0`;
    const plan: ReleasePlan = {
      project: 'acme-web',
      currentVersion: current,
      nextVersion: next,
      bump: next ? 'minor' : null,
      bumpSource: next ? 'commits' : null,
      reasons: [],
      tag: next ? `v${next}` : null,
      previousTag: `v${current}`,
      spec: { slug: '001-checkout-redesign', dir: 'specs/001-checkout-redesign' },
      gates: [{ id: 'staging-validation', title: 'Staging validation', status: blockers.length ? 'fail' : 'pass', detail: 'fake' }],
      blocked: blockers.length > 0,
      blockers,
      blockedBy: blockers.map((message) => ({ message, source: 'staging-validation', action: { id: 'validate-staging', label: 'Validate the release on staging (fake)' } })),
      changelog: '### Added\n\n- Export API\n',
      steps: STEPS,
      resuming: false,
      head: 'fake',
      warnings: [],
      production: { commit: 'fake', tag: `v${this.production}`, version: this.production, since: null, source: 'deploy-provider', explanation: 'fake' },
    };
    return { plan, config: { project: 'acme-web' } as ShipgateConfig };
  }

  async runRelease(input: { plan: ReleasePlan; ctx: CoreContext; dryRun?: boolean }): Promise<ReleaseOutcome> {
    this.runs++;
    const { ctx, plan } = input;
    const before = this.production;
    ctx.emit({ type: 'release.status', status: 'running' });
    if (plan.nextVersion) ctx.emit({ type: 'release.fact', key: 'previousVersion', value: before });
    for (const step of plan.steps) {
      ctx.emit({ type: 'step.started', step, title: step });
      try {
        await this.options.beforeStep?.(step, ctx.signal);
        if (ctx.signal?.aborted) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      } catch (error) {
        const cancelled = ctx.signal?.aborted === true;
        const failure = { code: cancelled ? 'CANCELLED' : 'DEPLOY_FAILED', message: (error as Error).message };
        ctx.emit({ type: 'step.finished', step, status: 'failed', detail: (error as Error).message, durationMs: 1 });
        ctx.emit({ type: 'release.status', status: cancelled ? 'cancelled' : 'failed', error: failure });
        return this.outcome(plan, cancelled ? 'cancelled' : 'failed', failure);
      }
      if (step === 'deploy') for (let i = 0; i < (this.options.deployLines ?? 3); i++) ctx.emit({ type: 'step.log', step, line: `deploy line ${i}` });
      if (step === 'tag' && plan.tag) ctx.emit({ type: 'release.fact', key: 'tag', value: plan.tag });
      if (step === 'bump-version') ctx.emit({ type: 'release.fact', key: 'commit', value: 'abc123' });
      ctx.emit({ type: 'step.finished', step, status: 'succeeded', detail: 'ok', durationMs: 1 });
    }
    for (const sample of this.options.samples ?? []) ctx.emit({ type: 'monitor.sample', sample });
    const last = this.options.samples?.at(-1);
    if (last) ctx.emit({ type: 'monitor.verdict', verdict: 'PASS', reason: 'within the limits', sample: last });
    const outcome = this.outcome(plan, 'succeeded', null);
    if (!input.dryRun && plan.nextVersion && plan.tag) {
      this.production = plan.nextVersion;
      ctx.emit({ type: 'production.changed', version: plan.nextVersion, tag: plan.tag, commit: 'abc123', since: new Date().toISOString(), explanation: 'fake deploy' });
    }
    if (outcome.report) ctx.emit({ type: 'release.report', file: 'specs/001-checkout-redesign/production-ship-report.md', status: 'succeeded', markdown: outcome.report });
    ctx.emit({ type: 'release.status', status: 'succeeded', error: null });
    await this.options.afterFinalStatus?.();
    return outcome;
  }

  /** Like core's: its own run (running → succeeded), facts naming the restored release, production moved back. */
  async rollbackRelease(input: { ctx: CoreContext; to?: string; preferred?: string }): Promise<ReleaseOutcome> {
    this.rollbacks++;
    const { ctx } = input;
    const from = this.production;
    const to = (input.to ?? input.preferred ?? '2.6.0').replace(/^v/, '');
    ctx.emit({ type: 'release.status', status: 'running' });
    ctx.emit({ type: 'release.fact', key: 'version', value: to });
    ctx.emit({ type: 'release.fact', key: 'previousVersion', value: from });
    ctx.emit({ type: 'release.fact', key: 'tag', value: `v${to}` });
    ctx.emit({ type: 'release.fact', key: 'commit', value: 'restored-commit' });
    ctx.emit({ type: 'step.started', step: 'rollback', title: 'Roll back' });
    ctx.emit({ type: 'step.finished', step: 'rollback', status: 'succeeded', detail: 'production back on the previous release', durationMs: 1 });
    this.production = to;
    ctx.emit({ type: 'production.changed', version: to, tag: `v${to}`, commit: 'restored-commit', since: new Date().toISOString(), explanation: 'fake rollback' });
    const report = `# Rollback Report v${from} → v${to}\n`;
    ctx.emit({ type: 'release.report', file: null, status: 'succeeded', markdown: report });
    ctx.emit({ type: 'release.status', status: 'succeeded', error: null });
    return { status: 'succeeded', version: to, previousVersion: from, tag: `v${to}`, commit: 'restored-commit', exitCode: 0, error: null, report };
  }

  private outcome(plan: ReleasePlan, status: ReleaseOutcome['status'], error: ReleaseOutcome['error']): ReleaseOutcome {
    const report = status === 'succeeded' ? `# Ship report ${plan.nextVersion}\n` : null;
    return { status, version: plan.nextVersion, previousVersion: this.production, tag: plan.tag, commit: 'abc123', exitCode: status === 'succeeded' ? 0 : 1, error, report };
  }
}
