import { join } from 'node:path';
import { commitWithMessage } from '../../git/commit-with-message.js';
import { gitCommands } from '../../git/git-commands.js';
import { renderShipReport } from '../../report/render-ship-report.js';
import { writeBackRelease, writeBackRollback } from '../../specflow/index.js';
import type { ReleaseRun } from '../release-run.js';
import type { ReleaseStatus } from '../../model/statuses.js';

export interface RollbackNote {
  to: string;
  at: string;
  reason: string;
  healthy: boolean;
}

export function shipReportPath(run: ReleaseRun): string {
  return run.plan.spec ? `${run.plan.spec.dir}/production-ship-report.md` : `docs/ship-reports/${run.tag}.md`;
}

/** The monitoring chart beside the report: `production-ship-report.md` → `production-ship-report-monitoring.svg`. */
export function shipReportChartPath(reportFile: string): string {
  return reportFile.replace(/\.md$/, '-monitoring.svg');
}

/**
 * Writes the ship report and the state.yaml write-back, commits them in one
 * `docs(ship):` commit and pushes main. A failed push is a warning, never a failed release.
 * Each event gets its own subject: the report after the health checks, the monitoring
 * verdict re-written into it (`monitored`), a rollback.
 */
export async function writeShipRecord(run: ReleaseRun, status: ReleaseStatus, rollback: RollbackNote | null, chart: string | null, event: 'shipped' | 'monitored' = 'shipped'): Promise<string> {
  const { ctx, repo, journal, config } = run;
  const reportFile = shipReportPath(run);
  const chartFile = chart ? shipReportChartPath(reportFile) : null;
  const monitoringChartFile = chartFile ? chartFile.slice(chartFile.lastIndexOf('/') + 1) : null;
  // the annotated tag's own date (§6), not the release's start: read while the files are written
  const tagDate = run.plan.spec ? repo.git.try(gitCommands.tagCreatedAt(journal.tag)).then((r) => r.stdout.trim(), () => '') : null;
  const report = renderShipReport({ plan: run.plan, config, journal, record: run.record, status, generatedAt: ctx.clock.now().toISOString(), rollback, monitoringChartFile });
  await ctx.fs.mkdir(join(repo.dir, reportFile, '..'));
  await ctx.fs.writeFile(join(repo.dir, reportFile), report);
  const files = [reportFile];
  if (chart && chartFile) {
    await ctx.fs.writeFile(join(repo.dir, chartFile), `${chart}\n`);
    files.push(chartFile);
  }
  if (run.plan.spec) {
    const stateFile = `${run.plan.spec.dir}/state.yaml`;
    const statePath = join(repo.dir, stateFile);
    if (await ctx.fs.exists(statePath)) {
      let text = await ctx.fs.readFile(statePath);
      const tagCreatedAt = (await tagDate) || journal.startedAt;
      text = writeBackRelease(text, {
        version: journal.version,
        tag: journal.tag,
        tagCreatedAt,
        deployedAt: journal.deployedAt ?? ctx.clock.now().toISOString(),
        commitSha: journal.commit ?? '',
        shipReport: reportFile,
        ...(config.productionUrl ? { url: config.productionUrl } : {}),
        ...(journal.githubReleaseUrl ? { githubReleaseUrl: journal.githubReleaseUrl } : {}),
      });
      if (rollback) {
        const restoredTag = journal.previousDeployTag ?? journal.previousTag;
        const createdAt = restoredTag ? (await run.repo.git.try(gitCommands.tagCreatedAt(restoredTag))).stdout.trim() : '';
        const restored = restoredTag ? { tag: restoredTag, ...(createdAt ? { tagCreatedAt: createdAt } : {}) } : {};
        const commit = journal.previousDeployCommit ? { commitSha: journal.previousDeployCommit } : {};
        text = writeBackRollback(text, { from: journal.version, to: rollback.to, at: rollback.at, ...restored, ...commit, file: stateFile });
      }
      await ctx.fs.writeFile(statePath, text);
      files.push(stateFile);
    }
  }
  run.fact('shipReport', reportFile);
  const subject = rollback
    ? `docs(ship): roll back ${journal.tag} to ${journal.previousDeployTag ?? journal.previousTag ?? rollback.to}`
    : event === 'monitored' ? `docs(ship): monitoring result for ${journal.tag}` : `docs(ship): ship report for ${journal.tag}`;
  if (config.report.commit) await commitAndPush(run, files, subject);
  return report;
}

async function commitAndPush(run: ReleaseRun, files: string[], subject: string): Promise<void> {
  const { repo, ctx, config } = run;
  const step = 'ship-report';
  await repo.git.run(gitCommands.add(files));
  const commit = await commitWithMessage(ctx, repo, subject);
  if (commit.code !== 0) {
    // asked only when the commit fails: nothing staged (the record is already committed as it is) is no failure
    if ((await repo.git.try(['diff', '--cached', '--quiet'])).code === 0) return;
    run.log(step, `could not commit the ship report: ${commit.stderr.trim()}`, 'warn');
    return;
  }
  const push = await repo.git.try(gitCommands.pushBranch(repo.remote, config.git.mainBranch));
  if (push.code !== 0) {
    run.log(step, `the ship report is committed locally but ${repo.remote} refused it (${push.stderr.trim().split('\n').at(-1)}): push ${config.git.mainBranch} when you can`, 'warn');
  } else {
    run.log(step, `${subject} pushed to ${repo.remote}/${config.git.mainBranch}`);
  }
}

/**
 * The ship report commit this release already made (an interrupted run that got as far as
 * committing it): on the remote's main, the step is done; only local (the push was lost),
 * it is pushed as it is. Rewriting it would add a second commit and lose what the first run
 * knew. Returns the step's detail, or null when there is no such commit.
 */
async function finishLandedReport(run: ReleaseRun): Promise<string | null> {
  const { repo, journal, config } = run;
  if (!journal.commit || !config.report.commit) return null;
  const subject = `docs(ship): ship report for ${journal.tag}`;
  const log = await repo.git.try(gitCommands.subjectsSince(journal.commit));
  const sha = log.stdout.split('\n').map((line) => line.split('\x1f')).find(([, s]) => s === subject)?.[0];
  if (!sha) return null;
  const main = config.git.mainBranch;
  const remoteMain = (await repo.remoteRefs()).get(`refs/heads/${main}`);
  if (remoteMain && (remoteMain === sha || (await repo.isAncestor(sha, remoteMain)))) {
    return `${subject} is already on ${repo.remote}/${main} (${sha.slice(0, 7)}): kept as it is`;
  }
  const push = await repo.git.try(gitCommands.pushBranch(repo.remote, main));
  if (push.code !== 0) {
    run.log('ship-report', `the ship report is committed locally (${sha.slice(0, 7)}) but ${repo.remote} refused it (${push.stderr.trim().split('\n').at(-1)}): push ${main} when you can`, 'warn');
    return `${subject} committed as ${sha.slice(0, 7)}, not yet on ${repo.remote}`;
  }
  run.log('ship-report', `${subject} (${sha.slice(0, 7)}, committed before the interruption) pushed to ${repo.remote}/${main}`);
  return `${subject} (${sha.slice(0, 7)}) pushed to ${repo.remote}/${main}`;
}

export async function shipReportStep(run: ReleaseRun, chart: string | null = null): Promise<string> {
  let report = '';
  // only a run that started this step before can have committed its report
  const resumed = run.startedBefore('ship-report');
  await run.step('ship-report', 'Write the ship report', async () => {
    const landed = resumed ? await finishLandedReport(run) : null;
    if (landed) {
      report = await run.ctx.fs.readFile(join(run.repo.dir, shipReportPath(run)));
      run.fact('shipReport', shipReportPath(run));
      return { status: 'skipped', detail: landed };
    }
    report = await writeShipRecord(run, run.status === 'running' ? 'succeeded' : run.status, null, chart);
    return { detail: shipReportPath(run) };
  });
  return report;
}
