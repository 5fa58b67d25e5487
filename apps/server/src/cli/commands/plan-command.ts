import { createNodeContext } from '@shipgate/runtime';
import { planRelease } from '@shipgate/core';
import type { CliArgs } from '../cli-args.js';
import { allowUnvalidated } from '../cli-actor.js';
import { planText } from '../render/plan-text.js';

/** `shipgate plan`: exit 0 ready, 3 blocked. Changes nothing. */
export async function planCommand(args: CliArgs): Promise<number> {
  const ctx = createNodeContext({ emit: () => {} });
  const { plan } = await planRelease({ repoDir: args.dir, ctx, ...(args.spec ? { spec: args.spec } : {}), ...(args.bump ? { bump: args.bump } : {}), ...allowUnvalidated(args) });
  process.stdout.write(args.json ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan));
  return plan.blocked ? 3 : 0;
}
