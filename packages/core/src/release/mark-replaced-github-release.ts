// A manual rollback (shipgate rollback, the dashboard's Roll back) marks the GitHub Release of
// the release production left, the same way a failed release's rollback does: prerelease,
// "(rolled back)", not Latest, a note on top; the restored release becomes Latest again.
// A GitHub that refuses is a warning: the rollback itself already happened.
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { describeMarkedRelease, markGithubReleaseRolledBack } from '../deploy/github-release.js';

export interface MarkReplacedGithubReleaseInput {
  ctx: CoreContext;
  config: ShipgateConfig;
  /** The tag production was taken away from. */
  from: string;
  /** The tag production runs again. */
  to: string;
  actor?: string | undefined;
  reason?: string | undefined;
  log: (line: string, stream?: 'info' | 'warn') => void;
}

export async function markReplacedGithubRelease(input: MarkReplacedGithubReleaseInput): Promise<void> {
  const config = input.config.deploy.githubRelease;
  if (!config) return;
  const { from, to } = input;
  const at = input.ctx.clock.now().toISOString();
  const note = `${from} was rolled back to ${to}${input.actor ? ` by ${input.actor}` : ''} at ${at}.${input.reason ? ` Reason: ${input.reason}` : ''}`;
  try {
    const marked = await markGithubReleaseRolledBack({ ctx: input.ctx, config, tag: from, restoredTag: to, note });
    input.log(marked ? describeMarkedRelease(from, marked, to) : `no published GitHub Release for ${from} (a draft is not found by its tag): nothing to mark`);
  } catch (error) {
    input.log(`GitHub Release ${from} not marked as rolled back: ${error instanceof Error ? error.message : String(error)}`, 'warn');
  }
}
