import { planRelease, runRelease, type ReleaseEvent, type ReleaseOutcome } from '@shipgate/core';
import { createNodeContext } from '@shipgate/runtime';
import type { CliArgs } from '../cli-args.js';
import { allowUnvalidated, cliActor, cliActorId } from '../cli-actor.js';
import { lockCheckout } from '../release-lock.js';
import { createProgressRenderer } from '../render/progress-renderer.js';
import { planText } from '../render/plan-text.js';
import { confirm } from './confirm.js';

/** `shipgate promote`: the whole release with live progress. Exit codes per CONTRACT §1. */
export async function promoteCommand(args: CliArgs): Promise<number> {
  const renderer = args.json ? null : createProgressRenderer(process.stderr.isTTY ? process.stderr : process.stdout);
  const emit = (event: ReleaseEvent) => {
    // the report is the outcome's (and the file's), not one event line's
    if (args.json) process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...event, ...(event.type === 'release.report' ? { markdown: undefined } : {}) })}\n`);
    else renderer!.onEvent(event);
  };
  const abort = new AbortController();
  const onSignal = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\ncancelling: stopping the running step and rolling back what was deployed (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  const unlock = args.dryRun ? () => {} : lockCheckout(args.dir, 'promote');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const planCtx = createNodeContext({ emit: () => {} });
    const { plan, config, layout } = await planRelease({ repoDir: args.dir, ctx: planCtx, ...(args.spec ? { spec: args.spec } : {}), ...(args.bump ? { bump: args.bump } : {}), ...allowUnvalidated(args) });
    if (plan.blocked) {
      if (args.json) emit({ type: 'release.status', status: 'failed', reason: `blocked: ${plan.blockers.join('; ')}` });
      else process.stderr.write(planText(plan));
      return 3;
    }
    if (!args.json) process.stderr.write(planText(plan));
    if (!args.dryRun && !(await confirm(`Promote ${config.project} ${plan.tag} to production?`, args.yes))) {
      process.stderr.write('Not promoted: nothing was changed.\n');
      return 1;
    }
    const ctx = createNodeContext({ emit, signal: abort.signal });
    const outcome = await runRelease({ repoDir: args.dir, config, plan, layout, ctx, monitor: args.monitor, dryRun: args.dryRun, actor: cliActor(), actorId: cliActorId() });
    renderer?.close();
    if (args.json) process.stdout.write(`${JSON.stringify({ type: 'outcome', ...outcome, report: undefined })}\n`);
    else process.stderr.write(summary(outcome.status, outcome.failedStep ?? null, outcome.tag, outcome.error, args.dryRun, outcome.deployInFlight));
    return outcome.exitCode;
  } finally {
    unlock();
    renderer?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function summary(status: string, failedStep: string | null, tag: string | null, error: ReleaseOutcome['error'], dryRun: boolean, inFlight?: string): string {
  if (dryRun) return `\nDry run: ${tag} would be released; nothing was changed.\n`;
  const line = {
    succeeded: `\n✔ ${tag} is in production.`,
    rolled_back: `\n↩ ${tag} failed verification and was rolled back: production runs the previous release again.`,
    cancelled: `\n⏹ ${tag} was cancelled.`,
    failed: failedStep !== 'deploy' ? `\n✖ ${tag} failed${failedStep ? ` at ${failedStep}` : ''}.`
      // a deploy stopped halfway may have reached production, and nothing put the previous release back
      : inFlight ? `\n✖ ${tag}: Shipgate stopped following the deploy — main and the tag are pushed, and ${inFlight} was still running: production may be changing to ${tag}.`
      : error?.code === 'ROLLBACK_FAILED' ? `\n✖ ${tag}: the deploy was stopped and the rollback failed — main and the tag are pushed, production may run ${tag}.`
      : `\n✖ ${tag}: deploy failed — main and the tag are pushed, production still runs the previous release.`,
  }[status] ?? `\n${status}`;
  return `${line}${error ? `\n  ${error.message}` : ''}${error?.hint ? `\n  → ${error.hint}` : ''}\n`;
}
