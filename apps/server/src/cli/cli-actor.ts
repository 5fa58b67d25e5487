// Who runs a release from the terminal: the login name (what the ship report's "Released
// by" and an --allow-unvalidated override record), and a stable id naming the machine too
// (`cli:jane@build-01`), as the server's releases carry `oidc:…` / `token:…` ids.
import { hostname } from 'node:os';
import type { PlanInput } from '@shipgate/core';
import type { CliArgs } from './cli-args.js';

export function cliActor(): string {
  return process.env.USER ?? process.env.LOGNAME ?? 'cli';
}

/** The actor's stable id for the ship report: the login name at this machine. */
export function cliActorId(): string {
  return `cli:${cliActor()}@${hostname()}`;
}

/** The planRelease option for --allow-unvalidated REASON, or nothing. */
export function allowUnvalidated(args: CliArgs): Pick<PlanInput, 'allowUnvalidated'> {
  return args.allowUnvalidated ? { allowUnvalidated: { reason: args.allowUnvalidated, by: cliActor() } } : {};
}
