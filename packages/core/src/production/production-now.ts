// What production runs now, answered once for everyone (the deploy step, the rollback, the
// plan, the server and the CLI): the deploy provider says which commit runs when it can
// (git-branch: the deploy branch on the remote), the remote's tags name it, and the release
// history (the ship records in git) explains it and says since when. A provider that cannot
// tell (command, github-actions) is answered from the history alone: the last record says
// which release production was made to run.
import type { ShipgateConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import type { DeployProvider } from '../deploy/deploy-provider.js';
import { deployProviderFor } from '../deploy/deploy-providers.js';
import { remoteTagCommit, type Repository } from '../git/repository.js';
import { releaseTagAt } from './release-tag-at.js';
import { shipRecords, type ShipRecord } from './ship-records.js';
import type { ProductionNow } from '../model/plan-types.js';

export type { ProductionNow };


export interface ProductionNowInput {
  ctx: CoreContext;
  repo: Repository;
  config: ShipgateConfig;
  /** The remote's refs, when the caller already has them (ls-remote). */
  refs?: Map<string, string> | null;
  /** The deploy provider to ask (default: the configured built-in one). */
  provider?: DeployProvider;
  /** The history to read (default: HEAD; the caller fetched main first). */
  historyRef?: string;
}

/** What production runs now; null when neither the provider, the remote nor the history can tell. */
export async function productionNow(input: ProductionNowInput): Promise<ProductionNow | null> {
  const { repo, config } = input;
  const prefix = config.version.tagPrefix;
  // the history and the remote are read side by side
  const [records, refs] = await Promise.all([
    shipRecords(repo, prefix, input.historyRef ?? 'HEAD'),
    input.refs === undefined ? repo.remoteRefs().catch(() => null) : input.refs,
  ]);
  const commit = await providerCommit(input, refs);
  if (commit) {
    const found = refs ? releaseTagAt(refs, commit, prefix) : null;
    const since = found ? sinceOf(records, found.tag) : null;
    const tag = found?.tag ?? null;
    return {
      commit,
      tag,
      version: found?.version ?? null,
      since,
      source: 'deploy-provider',
      explanation: found
        ? `${config.deploy.provider} production is at ${commit.slice(0, 7)}, the commit of ${found.tag}${since ? ` (${describe(records, found.tag)})` : ''}`
        : `${config.deploy.provider} production is at ${commit.slice(0, 7)}, which no release tag marks`,
    };
  }
  const last = records[0];
  if (!last) return null;
  const version = last.tag.startsWith(prefix) ? last.tag.slice(prefix.length) : last.tag;
  return {
    commit: refs ? remoteTagCommit(refs, last.tag) : null,
    tag: last.tag,
    version,
    since: last.at,
    source: 'history',
    explanation: `${config.deploy.provider} cannot say what runs; the release history can: ${describe(records, last.tag)}`,
  };
}

/** The provider's answer; from the refs already read when the provider can say from them (git-branch: no second ls-remote). */
async function providerCommit(input: ProductionNowInput, refs: Map<string, string> | null | undefined): Promise<string | null> {
  const { config } = input;
  const provider = input.provider ?? deployProviderFor(config.deploy.provider);
  if (refs && provider.commitInRefs) return provider.commitInRefs(refs, config.deploy);
  const base = { repoDir: input.repo.dir, remote: config.git.remote, config: config.deploy, ctx: input.ctx, log: () => {} };
  return provider.currentCommit(base).catch(() => null);
}

/** The newest record that made production run `tag`. */
function sinceOf(records: ShipRecord[], tag: string): string | null {
  return records.find((r) => r.tag === tag)?.at ?? null;
}

function describe(records: ShipRecord[], tag: string): string {
  const record = records.find((r) => r.tag === tag);
  if (!record) return `no ship record names ${tag}`;
  return record.rolledBack ? `${record.rolledBack} was rolled back to ${tag} at ${record.at}` : `${tag} was shipped at ${record.at}`;
}
