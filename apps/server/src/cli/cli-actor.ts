// Who runs a release from the terminal: the login name (what the ship report's "Released
// by" and an --allow-unvalidated override record).
import type { PlanInput } from '@shipgate/core';
import type { CliArgs } from './cli-args.js';

export function cliActor(): string {
  return process.env.USER ?? process.env.LOGNAME ?? 'cli';
}

/** The planRelease option for --allow-unvalidated REASON, or nothing. */
export function allowUnvalidated(args: CliArgs): Pick<PlanInput, 'allowUnvalidated'> {
  return args.allowUnvalidated ? { allowUnvalidated: { reason: args.allowUnvalidated, by: cliActor() } } : {};
}
