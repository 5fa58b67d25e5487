// The releases on the remote: every stable version tag with the commit it points at.
import semver from 'semver';
import { remoteTagCommit } from '../git/repository.js';
import type { ReleaseTarget } from '../deploy/deploy-provider.js';

/** Released version tags on the remote, newest first, with the commits they point at. */
export function releasedTags(refs: Map<string, string>, prefix: string): ReleaseTarget[] {
  const out: ReleaseTarget[] = [];
  for (const ref of refs.keys()) {
    if (!ref.startsWith(`refs/tags/${prefix}`) || ref.endsWith('^{}')) continue;
    const tag = ref.slice('refs/tags/'.length);
    const version = semver.valid(tag.slice(prefix.length));
    const commit = remoteTagCommit(refs, tag);
    if (version && commit && !semver.prerelease(version)) out.push({ tag, version, commit });
  }
  return out.sort((a, b) => semver.rcompare(a.version, b.version));
}
