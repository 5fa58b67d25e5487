// What production runs now, as far as the repository can tell: for git-branch the deploy
// branch's commit on the remote and the version tag on it. Other providers cannot say from
// git alone (null): the server knows from its own release history instead.
import semver from 'semver';
import type { ShipgateConfig } from '../config/config-types.js';
import { remoteTagCommit } from '../git/repository.js';

export interface ProductionState {
  commit: string;
  /** The release tag at that commit, when there is one. */
  tag: string | null;
  version: string | null;
}

export function productionState(refs: Map<string, string> | null, config: ShipgateConfig): ProductionState | null {
  if (!refs || config.deploy.provider !== 'git-branch') return null;
  const commit = refs.get(`refs/heads/${config.deploy.branch}`);
  if (!commit) return null;
  const best = releaseTagAt(refs, commit, config.version.tagPrefix);
  return { commit, tag: best?.tag ?? null, version: best?.version ?? null };
}

/** The highest release tag (on the remote) that points at this commit, or null. */
export function releaseTagAt(refs: Map<string, string>, commit: string, prefix: string): { tag: string; version: string } | null {
  let best: { tag: string; version: string } | null = null;
  for (const ref of refs.keys()) {
    if (!ref.startsWith(`refs/tags/${prefix}`) || ref.endsWith('^{}')) continue;
    const tag = ref.slice('refs/tags/'.length);
    const version = semver.valid(tag.slice(prefix.length));
    if (version && remoteTagCommit(refs, tag) === commit && (!best || semver.gt(version, best.version))) best = { tag, version };
  }
  return best;
}
