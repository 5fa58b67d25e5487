import { loadConfig, rollbackRelease, type ReleaseEvent } from '@shipgate/core';
import { cliActor, cliActorId } from '../cli-actor.js';
import { createNodeContext } from '@shipgate/runtime';
import type { CliArgs } from '../cli-args.js';
import { lockCheckout } from '../release-lock.js';
import { createProgressRenderer } from '../render/progress-renderer.js';
import { confirm } from './confirm.js';

/** `shipgate rollback`: production back to the previous (or --to) release. */
export async function rollbackCommand(args: CliArgs): Promise<number> {
  const renderer = createProgressRenderer(process.stderr);
  const ctx = createNodeContext({ emit: (event: ReleaseEvent) => renderer.onEvent(event) });
  const config = await loadConfig(ctx.fs, args.dir);
  if (!(await confirm(`Roll ${config.project} back to ${args.to ?? 'the previous release'}?`, args.yes))) {
    process.stderr.write('Not rolled back: nothing was changed.\n');
    return 1;
  }
  const unlock = lockCheckout(args.dir, 'rollback');
  const outcome = await rollbackRelease({ repoDir: args.dir, ctx, config, ...(args.to ? { to: args.to } : {}), actor: cliActor(), actorId: cliActorId() }).finally(unlock);
  renderer.close();
  process.stderr.write(outcome.status === 'succeeded' ? `\n↩ ${outcome.previousVersion ? `v${outcome.previousVersion} was rolled back: ` : ''}production runs ${outcome.tag} again.\n` : `\n✖ rollback failed: ${outcome.error?.message}\n${outcome.error?.hint ? `  → ${outcome.error.hint}\n` : ''}`);
  return outcome.exitCode;
}
