// The release tag (on the remote) at a commit.
import semver from 'semver';
import { remoteTagCommit } from '../git/repository.js';

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
