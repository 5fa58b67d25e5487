// `shipgate rollback`: re-deploys the previous (or the named) release, checks its health,
// and records the move in state.yaml (rollback_from / rollback_to / rollback_at).
import { join } from 'node:path';
import semver from 'semver';
import { loadConfig } from '../config/index.js';
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { deployProviderFor } from '../deploy/deploy-providers.js';
import type { ReleaseTarget } from '../deploy/deploy-provider.js';
import { ShipgateError } from '../errors.js';
import { commitWithMessage } from '../git/commit-with-message.js';
import { gitCommands } from '../git/git-commands.js';
import { openRepository, type Repository } from '../git/repository.js';
import { runHealthChecks } from '../health/index.js';
import { findSpec, writeBackRollback } from '../specflow/index.js';
import { releasedTags } from './released-tags.js';
import { readRollbackJournal, writeRollbackJournal } from './rollback-journal.js';
import { rolledBackTags, tagName } from './rolled-back-tags.js';
import type { ReleaseOutcome } from './release-outcome.js';

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
   * The release this rollback takes production away from (the server's release record). When
   * production already runs the target and no record of that rollback exists, a rollback that
   * was killed after moving production is finished (health checks, record) instead of refused.
   */
  from?: string;
  actor?: string;
}

export async function rollbackRelease(input: RollbackReleaseInput): Promise<ReleaseOutcome> {
  const { ctx, repoDir } = input;
  const config = input.config ?? (await loadConfig(ctx.fs, repoDir));
  const repo = openRepository(ctx, repoDir, config.git.remote);
  const provider = deployProviderFor(config.deploy.provider);
  const log = (line: string, stream: 'info' | 'warn' | 'stdout' | 'stderr' = 'info') => ctx.emit({ type: 'step.log', step: 'rollback', line, stream });
  const refs = await repo.remoteRefs();
  const tags = releasedTags(refs, config.version.tagPrefix);
  const base = { repoDir, remote: config.git.remote, config: config.deploy, ctx, log };
  const runningCommit = await provider.currentCommit(base);
  const current = (runningCommit && tags.find((t) => t.commit === runningCommit)) || tags[0] || null;
  const rolledBack = await rolledBackTags(repo, config.version.tagPrefix);
  const unfinished = await unfinishedRollback(ctx, repo, input, tags, runningCommit, rolledBack, config.version.tagPrefix);
  if (unfinished) log(`finishing the rollback of ${unfinished.from?.tag ?? 'production'} to ${unfinished.to.tag} that was interrupted${unfinished.startedAt ? ` (started ${unfinished.startedAt})` : ''}: production ${runningCommit === unfinished.to.commit ? 'already runs' : 'does not run'} ${unfinished.to.tag}`, 'warn');
  const preferred = input.to || unfinished ? undefined : preferredTarget(tags, input.preferred, config.version.tagPrefix, rolledBack);
  const target = unfinished?.to ?? preferred ?? pickTarget(tags, current, input.to, config.version.tagPrefix, rolledBack);
  for (const skipped of tags.filter((t) => !unfinished && !input.to && !preferred && rolledBack.has(t.tag) && semver.gt(t.version, target.version) && (!current || semver.lt(t.version, current.version)))) {
    log(`skipping ${skipped.tag}: it was rolled back before, so it is not a release to return to (shipgate rollback --to ${skipped.tag} forces it)`, 'warn');
  }
  const from = unfinished ? unfinished.from : current;
  if (!unfinished && runningCommit && target.commit === runningCommit) {
    throw new ShipgateError('USAGE', `production already runs ${target.tag}: there is nothing to roll back to it`, {
      field: '--to',
      hint: `pick an older release (${tags.filter((t) => semver.lt(t.version, target.version)).slice(0, 5).map((t) => t.tag).join(', ') || 'none'}), or leave out --to for the one before ${target.tag}`,
    });
  }
  const started = ctx.clock.now().getTime();
  // written before production moves: a rollback killed from here on is finished by the next one
  await writeRollbackJournal(ctx, repo, { from: from?.tag ?? null, to: target.tag, startedAt: unfinished?.startedAt ?? ctx.clock.now().toISOString() });
  ctx.emit({ type: 'release.status', status: 'rolling_back', reason: `${from?.tag ?? 'production'} → ${target.tag}` });
  ctx.emit({ type: 'step.started', step: 'rollback', title: `Roll back to ${target.tag}` });
  try {
    const moved = await provider.rollback({ ...base, release: from ?? target, previous: target, to: target });
    const health = await runHealthChecks(config.health.checks, { ctx, version: target.version, phase: 'rollback', log: (l: string) => log(l) });
    if (!health.passed) throw new ShipgateError('ROLLBACK_FAILED', `production runs ${target.tag} but its health checks fail: ${health.criticalFailures.join('; ')}`, { hint: 'production is unhealthy: act now' });
    await recordRollback(ctx, repo, config, from, target, log);
    await writeRollbackJournal(ctx, repo, null);
    ctx.emit({ type: 'step.finished', step: 'rollback', status: 'succeeded', detail: moved.detail, durationMs: ctx.clock.now().getTime() - started });
    ctx.emit({ type: 'release.status', status: 'rolled_back', reason: `production runs ${target.tag}` });
    return { status: 'rolled_back', version: target.version, previousVersion: from?.version ?? null, tag: target.tag, commit: target.commit, exitCode: 0, error: null, report: null };
  } catch (error) {
    const failure = error instanceof ShipgateError ? error : new ShipgateError('ROLLBACK_FAILED', String(error instanceof Error ? error.message : error));
    // a rollback that ended (even badly) is not resumed later: the outcome says where production is
    await writeRollbackJournal(ctx, repo, null).catch(() => undefined);
    ctx.emit({ type: 'step.finished', step: 'rollback', status: 'failed', detail: failure.message, durationMs: ctx.clock.now().getTime() - started });
    ctx.emit({ type: 'release.status', status: 'failed', reason: failure.message });
    return { status: 'failed', version: target.version, previousVersion: from?.version ?? null, tag: target.tag, commit: target.commit, exitCode: 1, error: failure.toJSON(), report: null };
  }
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

/** The preferred release when it is on the remote and was never rolled back, else null (the default rule picks). */
function preferredTarget(tags: ReleaseTarget[], preferred: string | undefined, prefix: string, rolledBack: ReadonlySet<string>): ReleaseTarget | null {
  if (!preferred) return null;
  const wanted = tagName(preferred, prefix);
  return rolledBack.has(wanted) ? null : (tags.find((t) => t.tag === wanted) ?? null);
}

function pickTarget(tags: ReleaseTarget[], current: ReleaseTarget | null, to: string | undefined, prefix: string, rolledBack: ReadonlySet<string>): ReleaseTarget {
  if (to) {
    const wanted = tagName(to, prefix);
    const found = tags.find((t) => t.tag === wanted);
    if (!found) throw new ShipgateError('USAGE', `no released tag ${wanted} on the remote`, { field: '--to', hint: `released: ${tags.slice(0, 8).map((t) => t.tag).join(', ') || 'none'}` });
    return found;
  }
  const older = tags.filter((t) => !current || semver.lt(t.version, current.version));
  if (!older[0]) throw new ShipgateError('USAGE', `there is no release before ${current?.tag ?? 'the current one'} to roll back to`, { hint: 'a first release has nothing to return to: fix forward with a new release' });
  // a release that was rolled back once is no place to return to
  const good = older.find((t) => !rolledBack.has(t.tag));
  if (!good) {
    throw new ShipgateError('USAGE', `every release before ${current?.tag ?? 'the current one'} was rolled back (${older.slice(0, 5).map((t) => t.tag).join(', ')})`, {
      field: '--to',
      hint: 'choose one anyway with --to <tag>, or fix forward with a new release',
    });
  }
  return good;
}

async function recordRollback(ctx: CoreContext, repo: Repository, config: ShipgateConfig, current: ReleaseTarget | null, target: ReleaseTarget, log: (line: string) => void): Promise<void> {
  const from = current?.version ?? '?';
  const to = target.version;
  // the same subject as an automatic rollback's record: tags on both sides
  const subject = `docs(ship): roll back ${current?.tag ?? 'production'} to ${target.tag}`;
  if (config.report.commit && (await recordedOnce(repo, config, subject, log))) return;
  const spec = await findSpec(ctx.fs, repo.dir, config.specs);
  if (!spec) return;
  const stateFile = `${spec.dir}/state.yaml`;
  const path = join(repo.dir, stateFile);
  if (!(await ctx.fs.exists(path))) return;
  const tagCreatedAt = (await repo.git.try(gitCommands.tagCreatedAt(target.tag))).stdout.trim();
  const text = writeBackRollback(await ctx.fs.readFile(path), {
    from,
    to,
    at: ctx.clock.now().toISOString(),
    tag: target.tag,
    commitSha: target.commit,
    ...(tagCreatedAt ? { tagCreatedAt } : {}),
    file: stateFile,
  });
  await ctx.fs.writeFile(path, text);
  if (!config.report.commit) return;
  await repo.git.run(gitCommands.add([stateFile]));
  const commit = await commitWithMessage(ctx, repo, subject);
  if (commit.code === 0) await repo.git.try(gitCommands.pushBranch(repo.remote, config.git.mainBranch));
}

/**
 * The record of this rollback was already committed (an interrupted run got that far): on the
 * remote's main it stays as it is; only local, it is pushed. True when there is one.
 */
async function recordedOnce(repo: Repository, config: ShipgateConfig, subject: string, log: (line: string) => void): Promise<boolean> {
  const recent = await repo.git.try(gitCommands.recentSubjectsWithSha(200));
  const sha = recent.stdout.split('\n').map((line) => line.split('\x1f')).find(([, s]) => s === subject)?.[0];
  if (!sha) return false;
  const remoteMain = (await repo.remoteRefs()).get(`refs/heads/${config.git.mainBranch}`);
  if (remoteMain && (remoteMain === sha || (await repo.isAncestor(sha, remoteMain)))) {
    log(`${subject} is already on ${repo.remote}/${config.git.mainBranch} (${sha.slice(0, 7)}): not written again`);
    return true;
  }
  const push = await repo.git.try(gitCommands.pushBranch(repo.remote, config.git.mainBranch));
  log(push.code === 0 ? `${subject} (${sha.slice(0, 7)}, committed before the interruption) pushed to ${repo.remote}` : `${subject} is committed (${sha.slice(0, 7)}) but ${repo.remote} refused it: push ${config.git.mainBranch} when you can`);
  return true;
}
