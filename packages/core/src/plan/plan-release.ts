// Preflight: gates, current → next version and why, the CHANGELOG excerpt and the steps.
// Changes nothing (it may fetch). The result is pure data: plan --json, the dashboard
// preview, and the input of runRelease.
import { basename, join } from 'node:path';
import { loadConfig } from '../config/index.js';
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { deployProviderGates } from '../deploy/deploy-providers.js';
import { ShipgateError } from '../errors.js';
import { checkStagingCommit, cleanWorktreeGate, mainBranchGate, upToDateGate } from '../gates/index.js';
import { openRepository, readRepositoryLayout, remoteTagCommit, type Repository, type RepositoryLayout } from '../git/repository.js';
import type { ReleaseJournal } from '../model/journal-types.js';
import { findResumable } from '../release/resume.js';
import { STEP_NAMES, type StepName } from '../model/statuses.js';
import { findSpec, readSpecGates, STAGING_COMMIT_FIELD, stagingCommitOf } from '../specflow/index.js';
import { planVersion } from './plan-version.js';
import { productionNow, type ProductionNow } from '../production/production-now.js';
import type { Blocker, GateResult, ReleasePlan } from '../model/plan-types.js';
import semver from 'semver';
import { blockerForGate } from './blocker-for-gate.js';

export interface PlanInput {
  repoDir: string;
  ctx: CoreContext;
  spec?: string;
  bump?: string;
  /** Fetch the main branch before planning (default true). */
  fetch?: boolean;
  /** Promote even though code changed after the commit staging validated (CLI --allow-unvalidated, API allowUnvalidated). */
  allowUnvalidated?: { reason: string; by: string };
}

export interface PlanResult {
  plan: ReleasePlan;
  config: ShipgateConfig;
  /** Where the project sits in its repository (runRelease takes it: no second lookup of the git dir). */
  layout: RepositoryLayout;
}

export async function planRelease(input: PlanInput): Promise<PlanResult> {
  const { ctx, repoDir } = input;
  const layout = await workTreeLayout(ctx, repoDir);
  const config = await loadConfig(ctx.fs, repoDir);
  const repo = openRepository(ctx, repoDir, config.git.remote, layout);
  const head = layout.head;
  if (!head) throw new ShipgateError('USAGE', `${repoDir} has no commits yet`, { hint: 'commit your project first' });

  // the provider must be usable before anything is pushed (token, workflow, command, push access);
  // its check needs nothing the plan reads, so it goes out with the fetch
  const preflight = { repoDir, remote: config.git.remote, mainBranch: config.git.mainBranch, config: config.deploy, ctx };
  const earlyProviderGates = deployProviderGates(preflight);
  // the fetch and the read of the remote's refs go out together (the refs count only when the fetch worked)
  const [fetchError, remoteRefs] = await Promise.all([input.fetch === false ? null : repo.fetchMain(config.git.mainBranch), repo.remoteRefs().catch(() => null)]);
  const refs = fetchError === null ? remoteRefs : null;
  const spec = await findSpec(ctx.fs, repoDir, config.specs, input.spec);
  const resumable = await findResumable({ ctx, repo, config, head, refs, spec });
  const resume = resumable?.journal ?? null;
  const found = resumable?.source === 'remote' ? resumable.journal : null;
  const releaseFiles = resume ? filesWrittenBy(resume, config) : [];
  // the version's and production's reads need no gate: they start with the gates and are awaited
  // after them, so an error is still reported in the same order
  const versionRead = planVersion({ ctx, repo, config, head, bump: input.bump, resume });
  const productionRead = productionNow({ ctx, repo, config, refs, historyRef: fetchError === null ? `refs/remotes/${config.git.remote}/${config.git.mainBranch}` : 'HEAD' });
  versionRead.catch(() => undefined);
  productionRead.catch(() => undefined);
  // independent reads, run side by side; the gates keep their order
  const [repositoryGates, providerGates] = await Promise.all([
    config.gates.repository
      ? Promise.all([cleanWorktreeGate(repo, releaseFiles), mainBranchGate(repo, config.git.mainBranch), upToDateGate({ repo, git: config.git, fetchError })])
      : [],
    // a failure is asked again now that the fetch is done, so its words never depend on which came first
    // (git-branch: a remote ahead reads "non-fast-forward" after the fetch, "fetch first" before it)
    earlyProviderGates.then((early) => (early.some((g) => g.status === 'fail') ? deployProviderGates(preflight) : early)),
  ]);
  const gates: GateResult[] = [...repositoryGates];
  const stateFile = spec ? `${spec.dir}/state.yaml` : `${config.specs}/NNN-feature/state.yaml`;
  const stateText = spec && (await ctx.fs.exists(join(repoDir, stateFile))) ? await ctx.fs.readFile(join(repoDir, stateFile)) : null;
  const specGates = readSpecGates(stateText, { file: stateFile, stagingValidation: config.gates.stagingValidation, rollback: config.gates.rollback });
  gates.push(...(spec ? specGates : specGates.map((gate) => withoutFeature(gate, config.specs))));
  gates.push(...providerGates);
  const override = await checkStagingCommitGate({ repo, config, head, gates, stateFile, stagingSha: stagingCommitOf(stateText), allow: input.allowUnvalidated });

  const version = await versionRead;

  const blockedBy = gates.filter((g) => g.status === 'fail').map((g) => blockerForGate(g, config));
  blockedBy.push(...version.blockers);
  if (version.tag && !resume && refs) blockedBy.push(...tagConflicts(refs, repo.remote, version.tag, config.version.tagPrefix));
  const blockers = blockedBy.map((b) => b.message);
  const production = await productionRead;
  if (found) version.warnings.push(unfinishedWarning(found, production, repo.remote));

  const steps: StepName[] = STEP_NAMES.filter((s) => s !== 'monitor' || config.monitoring.enabled);
  const plan: ReleasePlan = {
    project: config.project,
    currentVersion: version.currentVersion,
    nextVersion: version.nextVersion,
    bump: version.bump,
    bumpSource: version.bumpSource,
    reasons: version.reasons,
    tag: version.tag,
    previousTag: version.previousTag,
    spec,
    gates,
    blocked: blockers.length > 0,
    blockers,
    blockedBy,
    changelog: version.changelog,
    steps,
    resuming: resume !== null,
    head,
    warnings: version.warnings,
    production,
    commitFilter: version.commitFilter,
    ...(override ? { unvalidated: override } : {}),
  };
  return { plan, config, layout };
}

interface StagingCommitGateInput {
  repo: Repository;
  config: ShipgateConfig;
  head: string;
  gates: GateResult[];
  stateFile: string;
  stagingSha: string | null;
  allow: PlanInput['allowUnvalidated'];
}

/**
 * A passing staging-validation gate with a recorded staging commit also needs HEAD to be
 * that commit plus only specs/Markdown changes; otherwise it fails, unless overridden —
 * then it passes saying who overrode it and why, and the plan carries the override.
 */
async function checkStagingCommitGate(input: StagingCommitGateInput): Promise<ReleasePlan['unvalidated'] | null> {
  const { config, gates, stagingSha, allow } = input;
  const index = gates.findIndex((g) => g.id === 'staging-validation');
  const gate = gates[index];
  if (!gate || gate.status !== 'pass' || !stagingSha) return null;
  const check = await checkStagingCommit({
    repo: input.repo,
    stagingSha,
    head: input.head,
    specs: config.specs,
    releaseFiles: [...config.version.files, config.changelog],
    tagPrefix: config.version.tagPrefix,
  });
  const evidence = { ...gate.evidence, file: input.stateFile, field: STAGING_COMMIT_FIELD, value: stagingSha };
  if (check.ok) {
    gates[index] = { ...gate, detail: `${gate.detail}; ${check.detail}`, evidence: gate.evidence ?? evidence };
    return null;
  }
  if (!allow) {
    gates[index] = { ...gate, status: 'fail', detail: check.detail, evidence };
    return null;
  }
  gates[index] = { ...gate, detail: `overridden by ${allow.by} ("${allow.reason}"): ${check.summary}`, evidence };
  return { by: allow.by, reason: allow.reason, stagingCommit: stagingSha, commits: check.commits, detail: check.summary };
}

/** Why a promote without a journal finishes an earlier release instead of cutting a new one. */
function unfinishedWarning(found: ReleaseJournal, production: ProductionNow | null, remote: string): string {
  const runs = production?.commit ? (production.commit === found.commit ? `production already runs it` : `production runs ${production.tag ?? production.commit.slice(0, 7)}`) : 'no ship record follows it';
  return `${found.tag} is on ${remote} (its release commit is HEAD) but was never finished: ${runs}; this promote deploys ${found.tag} and finishes it without a new commit or tag`;
}

/** Without any Spec-Flow feature the gate says so, and how to run without Spec-Flow. */
function withoutFeature(gate: GateResult, specs: string): GateResult {
  if (gate.status !== 'fail') return gate;
  const key = gate.id === 'rollback' ? 'gates.rollback' : 'gates.stagingValidation';
  return {
    ...gate,
    detail: `no Spec-Flow feature found (no ${specs}/NNN-slug/state.yaml): add the feature's state.yaml, or, without Spec-Flow, set ${key}: false in .shipgate.yaml`,
  };
}

/** The repository's layout and HEAD, read once; a directory that is not a git work tree is a usage error. */
async function workTreeLayout(ctx: CoreContext, repoDir: string): Promise<RepositoryLayout> {
  const { layout, stderr } = await readRepositoryLayout(ctx, repoDir);
  if (!layout) {
    throw new ShipgateError('USAGE', `${repoDir} is not a git work tree${/cannot change|No such file|ENOENT/i.test(stderr) ? ' (the directory does not exist)' : ''}`, {
      field: '--dir',
      hint: `run shipgate in your project's repository, or pass --dir <path to it> (got "${basename(repoDir)}")`,
    });
  }
  return layout;
}

/** The files a release writes: before its commit the version files and CHANGELOG, after it the ship report and state.yaml. */
function filesWrittenBy(journal: ReleaseJournal, config: ShipgateConfig): string[] {
  if (!journal.commit) return [...config.version.files, config.changelog];
  return journal.spec ? [`${journal.spec.dir}/production-ship-report.md`, `${journal.spec.dir}/state.yaml`] : [`docs/ship-reports/${journal.tag}.md`];
}

/** A tag for the next version that already exists on the remote blocks the release; the action releases the next free version. */
function tagConflicts(refs: Map<string, string>, remote: string, tag: string, prefix: string): Blocker[] {
  const commit = remoteTagCommit(refs, tag);
  if (!commit) return []; // a local-only tag is never published: the tag step replaces it
  let free = tag.slice(prefix.length);
  while (remoteTagCommit(refs, `${prefix}${free}`)) free = semver.inc(free, 'patch') ?? free;
  return [
    {
      message: `Tag ${tag} already exists on ${remote} (at ${commit.slice(0, 7)}): a version is released once; bump past it with --bump or delete the stray tag if it was never deployed`,
      source: 'tag',
      action: { id: 'bump-past-tag', label: `Release as ${free} instead (or delete the stray tag ${tag} if it was never deployed)`, cli: `shipgate promote --bump ${free}`, promote: { bump: free } },
    },
  ];
}
