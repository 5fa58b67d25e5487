// `shipgate rollback` and the dashboard's Roll back: a manual rollback is its own run with its
// own record (CONTRACT §4): queued → running → succeeded | failed, its own steps (rollback,
// health-checks, ship-report), its report, and the `docs(ship): roll back vX to vY` record in
// git with the state.yaml write-back (rollback_from / rollback_to / rollback_at). The release
// it replaces keeps its status and outcome; only its GitHub Release (deploy.githubRelease) is
// marked "(rolled back)", and the restored one made Latest.
import { join } from 'node:path';
import semver from 'semver';
import { loadConfig } from '../config/index.js';
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { deployProviderFor } from '../deploy/deploy-providers.js';
import type { DeployProvider, ReleaseTarget } from '../deploy/deploy-provider.js';
import { isShipgateError, ShipgateError } from '../errors.js';
import type { ReleaseEvent } from '../events.js';
import { commitWithMessage } from '../git/commit-with-message.js';
import { gitCommands } from '../git/git-commands.js';
import { openRepository, type Repository } from '../git/repository.js';
import { runHealthChecks } from '../health/index.js';
import { productionNow } from '../production/production-now.js';
import { releasedTags } from '../production/released-tags.js';
import { rollbackTarget } from '../production/rollback-target.js';
import { rolledBackTags, tagName } from '../production/rolled-back-tags.js';
import { renderRollbackReport } from '../report/render-rollback-report.js';
import { findSpec, writeBackRollback } from '../specflow/index.js';
import type { ReleaseOutcome } from './release-outcome.js';
import { createReleaseRecord, recordEvent } from '../report/release-record.js';
import { markReplacedGithubRelease } from './mark-replaced-github-release.js';
import { readRollbackJournal, writeRollbackJournal } from './rollback-journal.js';
import type { StepName } from '../model/statuses.js';
import { StatusKeeper } from './status-keeper.js';

export interface RollbackReleaseInput {
  repoDir: string;
  ctx: CoreContext;
  config?: ShipgateConfig;
  /** The release to return to (vX.Y.Z or X.Y.Z); default: the one before what production runs. */
  to?: string;
  /**
   * The release to return to unless it was rolled back itself (then the default rule picks, and
   * says why): the dashboard's "previous release", where --to forces.
   */
  preferred?: string;
  /**
   * The release this rollback takes production away from (the server's rollback record). When
   * production already runs the target and no record of that rollback exists, a rollback that
   * was killed after moving production is finished (health checks, record) instead of refused.
   */
  from?: string;
  actor?: string;
  /** The actor's stable id (`oidc:…`, `token:…`, `cli:jane@build-01`), for the report. */
  actorId?: string;
  /** Roll back with this provider instead of the configured built-in one (unit tests, embedders). */
  deployProvider?: DeployProvider;
  /** Why (recorded in the report and the server's record). */
  reason?: string;
}

export async function rollbackRelease(input: RollbackReleaseInput): Promise<ReleaseOutcome> {
  const { repoDir } = input;
  const record = createReleaseRecord();
  const ctx: CoreContext = { ...input.ctx, emit: (event: ReleaseEvent) => (recordEvent(record, event, input.ctx.clock.now().toISOString()), input.ctx.emit(event)) };
  // a rollback is never cancelled halfway: production must not be left between two releases
  delete (ctx as { signal?: AbortSignal }).signal;
  const config = input.config ?? (await loadConfig(ctx.fs, repoDir));
  const repo = openRepository(ctx, repoDir, config.git.remote);
  const provider = input.deployProvider ?? deployProviderFor(config.deploy.provider);
  const log = (step: StepName, line: string, stream: 'info' | 'warn' | 'stdout' | 'stderr' = 'info') => ctx.emit({ type: 'step.log', step, line, stream });
  const refusal = provider.cannotRollBack?.(config.deploy);
  if (refusal) throw refusal;

  // where production is, and where it goes: decided before anything moves (a usage error changes nothing)
  const refs = await repo.remoteRefs();
  const tags = releasedTags(refs, config.version.tagPrefix);
  const production = await productionNow({ ctx, repo, config, refs, provider });
  const running = (production?.tag && tags.find((t) => t.tag === production.tag)) || (production?.commit ? null : tags[0]) || null;
  const rolledBack = await rolledBackTags(repo, config.version.tagPrefix);
  const runningCommit = production?.source === 'deploy-provider' ? production.commit : null;
  const unfinished = await unfinishedRollback(ctx, repo, input, tags, runningCommit, rolledBack, config.version.tagPrefix);
  const skipped: string[] = [];
  if (unfinished) skipped.push(`finishing the rollback of ${unfinished.from?.tag ?? 'production'} to ${unfinished.to.tag} that was interrupted${unfinished.startedAt ? ` (started ${unfinished.startedAt})` : ''}: production ${runningCommit === unfinished.to.commit ? 'already runs' : 'does not run'} ${unfinished.to.tag}`);
  const current = unfinished ? unfinished.from : running;
  const target = unfinished?.to ?? rollbackTarget({ tags, current, prefix: config.version.tagPrefix, rolledBack, to: input.to, preferred: input.preferred, log: (line) => skipped.push(line) });
  if (!unfinished && production?.commit && target.commit === production.commit) {
    throw new ShipgateError('USAGE', `production already runs ${target.tag}: there is nothing to roll back to it`, {
      field: '--to',
      hint: `pick an older release (${tags.filter((t) => t.version !== target.version && t.commit !== production.commit).slice(0, 5).map((t) => t.tag).join(', ') || 'none'}), or leave out --to for the one before ${target.tag}`,
    });
  }

  const startedAt = ctx.clock.now().toISOString();
  const keeper = new StatusKeeper(ctx.emit);
  const from = current?.tag ?? 'production';
  await keeper.set('running', { reason: `roll back ${from} to ${target.tag}${input.reason ? `: ${input.reason}` : ''}` });
  ctx.emit({ type: 'release.fact', key: 'version', value: target.version });
  if (current) ctx.emit({ type: 'release.fact', key: 'previousVersion', value: current.version });
  ctx.emit({ type: 'release.fact', key: 'tag', value: target.tag });
  ctx.emit({ type: 'release.fact', key: 'commit', value: target.commit });
  for (const line of skipped) log('rollback', line, 'warn');
  // written before production moves: a rollback killed from here on is finished by the next one
  await writeRollbackJournal(ctx, repo, { from: current?.tag ?? null, to: target.tag, startedAt: unfinished?.startedAt ?? startedAt });

  let failure: ShipgateError | null = null;
  try {
    await step(ctx, 'rollback', `Roll back ${from} to ${target.tag}`, async () => {
      if (production) log('rollback', `production now: ${production.explanation}`);
      const base = { repoDir, remote: config.git.remote, config: config.deploy, ctx, log: (line: string, stream?: 'stdout' | 'stderr' | 'info' | 'warn') => log('rollback', line, stream) };
      const moved = await provider.rollback({ ...base, release: current ?? target, previous: target, to: target });
      ctx.emit({ type: 'release.fact', key: 'productionNow', value: target.tag });
      return moved.detail;
    });
    await step(ctx, 'health-checks', `Health checks on ${target.tag}`, async () => {
      if (config.health.checks.length === 0) return { skipped: 'no health checks configured (health.checks in .shipgate.yaml)' };
      const health = await runHealthChecks(config.health.checks, { ctx, version: target.version, phase: 'rollback', log: (line: string) => log('health-checks', line) });
      if (!health.passed) throw new ShipgateError('ROLLBACK_FAILED', `production runs ${target.tag} but its health checks fail: ${health.criticalFailures.join('; ')}`, { hint: 'production is unhealthy: act now' });
      return `${health.results.filter((r) => r.outcome === 'pass').length}/${health.results.length} checks passed on ${target.tag}`;
    });
  } catch (error) {
    failure = isShipgateError(error) ? error : new ShipgateError('ROLLBACK_FAILED', error instanceof Error ? error.message : String(error));
  }
  // the git record is written either way: it says where production was sent
  const moved = record.facts.productionNow === target.tag;
  // the GitHub Release of the release production left must not look current (a warning at worst)
  if (moved && current) {
    await markReplacedGithubRelease({ ctx, config, from: current.tag, to: target.tag, actor: input.actor, reason: input.reason, log: (line, stream) => log('rollback', line, stream) });
  }
  if (moved) {
    await step(ctx, 'ship-report', 'Record the rollback', async () => recordRollback(ctx, repo, config, current, target, (line) => log('ship-report', line, 'warn'))).catch((error: unknown) =>
      log('ship-report', `the rollback record is not on ${repo.remote}: ${error instanceof Error ? error.message : String(error)}${isShipgateError(error) && error.hint ? ` (${error.hint})` : ''}`, 'warn'),
    );
  }
  // a rollback that ended (even badly) is not resumed later: the outcome says where production is
  await writeRollbackJournal(ctx, repo, null).catch(() => undefined);
  const status = failure ? 'failed' : 'succeeded';
  if (moved) ctx.emit({ type: 'production.changed', ...target, since: ctx.clock.now().toISOString(), explanation: `${from} was rolled back to ${target.tag}${input.actor ? ` by ${input.actor}` : ''}` });
  const report = renderRollbackReport({
    project: config.project,
    from: current ? { tag: current.tag, commit: current.commit } : null,
    to: target,
    actor: input.actor,
    actorId: input.actorId,
    reason: input.reason,
    status,
    startedAt,
    generatedAt: ctx.clock.now().toISOString(),
    provider: config.deploy.provider,
    record,
    error: failure?.message ?? null,
  });
  await keeper.set(status, { reason: failure ? failure.message : `production runs ${target.tag}`, error: failure, report: { file: null, markdown: report } });
  return {
    status,
    version: target.version,
    previousVersion: current?.version ?? null,
    tag: target.tag,
    commit: target.commit,
    exitCode: failure ? 1 : 0,
    error: failure ? failure.toJSON() : null,
    report,
    failedStep: failure ? (record.steps.find((s) => s.status === 'failed')?.name ?? 'rollback') : null,
  };
}

/** One step of the rollback run: started/finished events with its duration; a string is its detail, `{ skipped }` skips it. */
async function step(ctx: CoreContext, name: StepName, title: string, body: () => Promise<string | { skipped: string }>): Promise<void> {
  const started = ctx.clock.now().getTime();
  ctx.emit({ type: 'step.started', step: name, title });
  try {
    const result = await body();
    const skipped = typeof result !== 'string';
    ctx.emit({ type: 'step.finished', step: name, status: skipped ? 'skipped' : 'succeeded', detail: skipped ? result.skipped : result, durationMs: ctx.clock.now().getTime() - started });
  } catch (error) {
    ctx.emit({ type: 'step.finished', step: name, status: 'failed', detail: error instanceof Error ? error.message : String(error), durationMs: ctx.clock.now().getTime() - started });
    throw error;
  }
}

/** state.yaml's rollback fields and the `docs(ship): roll back vX to vY` commit, pushed to main. */
async function recordRollback(ctx: CoreContext, repo: Repository, config: ShipgateConfig, current: ReleaseTarget | null, target: ReleaseTarget, warn: (line: string) => void): Promise<string> {
  const subject = `docs(ship): roll back ${current?.tag ?? 'production'} to ${target.tag}`;
  const spec = await findSpec(ctx.fs, repo.dir, config.specs);
  const stateFile = spec ? `${spec.dir}/state.yaml` : null;
  const files: string[] = [];
  if (stateFile && (await ctx.fs.exists(join(repo.dir, stateFile)))) {
    const tagCreatedAt = (await repo.git.try(gitCommands.tagCreatedAt(target.tag))).stdout.trim();
    const text = writeBackRollback(await ctx.fs.readFile(join(repo.dir, stateFile)), {
      from: current?.version ?? '?',
      to: target.version,
      at: ctx.clock.now().toISOString(),
      tag: target.tag,
      commitSha: target.commit,
      ...(tagCreatedAt ? { tagCreatedAt } : {}),
      file: stateFile,
    });
    await ctx.fs.writeFile(join(repo.dir, stateFile), text);
    files.push(stateFile);
  }
  if (!config.report.commit) return `${stateFile ?? 'no state.yaml'} updated; not committed (report.commit: false)`;
  if (config.report.commit) {
    const once = await recordedOnce(repo, config, subject);
    if (once) return once;
  }
  if (files.length) await repo.git.run(gitCommands.add(files));
  // the record commit is what tells the history (and every later plan) where production went
  const commit = await commitWithMessage(ctx, repo, subject, { allowEmpty: files.length === 0 });
  if (commit.code !== 0) {
    warn(`could not commit the rollback record: ${commit.stderr.trim()}`);
    return 'not committed';
  }
  const push = await repo.git.try(gitCommands.pushBranch(repo.remote, config.git.mainBranch));
  if (push.code !== 0) warn(`the rollback record is committed locally but ${repo.remote} refused it: push ${config.git.mainBranch} when you can`);
  return `${subject}${push.code === 0 ? ` pushed to ${repo.remote}/${config.git.mainBranch}` : ''}`;
}

interface UnfinishedRollback {
  from: ReleaseTarget | null;
  to: ReleaseTarget;
  startedAt: string | null;
}

/**
 * A rollback that was killed before its record: the rollback journal's (unless --to asks for
 * another release), or, without one, the caller's `from` when production already runs the
 * release before it and no `docs(ship): roll back` record of `from` exists.
 */
async function unfinishedRollback(
  ctx: CoreContext,
  repo: Repository,
  input: RollbackReleaseInput,
  tags: ReleaseTarget[],
  runningCommit: string | null,
  rolledBack: ReadonlySet<string>,
  prefix: string,
): Promise<UnfinishedRollback | null> {
  const journal = await readRollbackJournal(ctx, repo);
  if (journal && (!input.to || tagName(input.to, prefix) === journal.to)) {
    const to = tags.find((t) => t.tag === journal.to);
    const from = tags.find((t) => t.tag === journal.from) ?? null;
    // only while production is where that rollback left it (on either side), or cannot say and nothing was released since
    const still = runningCommit ? runningCommit === to?.commit || runningCommit === from?.commit : tags[0]?.tag === journal.from;
    if (to && still) return { from, to, startedAt: journal.startedAt };
  }
  if (!input.from || input.to || !runningCommit) return null;
  const from = tags.find((t) => t.tag === tagName(input.from!, prefix));
  const to = tags.find((t) => t.commit === runningCommit);
  if (!from || !to || from.tag === to.tag || rolledBack.has(from.tag) || !semver.lt(to.version, from.version)) return null;
  return { from, to, startedAt: null };
}

/**
 * The record of this rollback was already committed (an interrupted run got that far): on the
 * remote's main it stays as it is; only local, it is pushed. Says what it did, or null when there is none.
 */
async function recordedOnce(repo: Repository, config: ShipgateConfig, subject: string): Promise<string | null> {
  const recent = await repo.git.try(gitCommands.recentSubjectsWithSha(200));
  const sha = recent.stdout.split('\n').map((line) => line.split('\x1f')).find(([, s]) => s === subject)?.[0];
  if (!sha) return null;
  const remoteMain = (await repo.remoteRefs()).get(`refs/heads/${config.git.mainBranch}`);
  if (remoteMain && (remoteMain === sha || (await repo.isAncestor(sha, remoteMain)))) return `${subject} is already on ${repo.remote}/${config.git.mainBranch} (${sha.slice(0, 7)}): not written again`;
  const push = await repo.git.try(gitCommands.pushBranch(repo.remote, config.git.mainBranch));
  if (push.code !== 0) throw new ShipgateError('ROLLBACK_FAILED', `${subject} is committed (${sha.slice(0, 7)}) but ${repo.remote} refused it`, { hint: `push ${config.git.mainBranch} when you can` });
  return `${subject} (${sha.slice(0, 7)}, committed before the interruption) pushed to ${repo.remote}`;
}
