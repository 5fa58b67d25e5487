// The Releases half of the local GitHub stand-in (github-api-server.ts): create, get by tag
// (drafts are invisible there, as on GitHub), get by id, update, and which release is Latest.
import type { Answer } from './github-fake-actions.js';

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
}

export function createFakeReleases(web: string) {
  const releases: FakeRelease[] = [];
  let latestId: number | null = null;
  let nextId = 500;

  const urlOf = (owner: string, repo: string, release: Pick<FakeRelease, 'draft' | 'tag_name' | 'id'>) =>
    `${web}/${owner}/${repo}/releases/tag/${release.draft ? `untagged-${release.id}` : release.tag_name}`;

  /** GitHub's documented `make_latest`: 'true', 'false' or 'legacy' (default true for a published, non-prerelease release). */
  function applyLatest(release: FakeRelease, makeLatest: unknown) {
    if (release.draft || release.prerelease || makeLatest === 'false') {
      if (latestId === release.id) latestId = [...releases].reverse().find((r) => r.id !== release.id && !r.draft && !r.prerelease)?.id ?? null;
      return;
    }
    if (makeLatest === undefined || makeLatest === 'true' || makeLatest === 'legacy') latestId = release.id;
  }

  function create(owner: string, repo: string, input: Record<string, unknown>): Answer {
    const tag = input['tag_name'];
    if (typeof tag !== 'string' || !tag) return [422, { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }] }];
    if (releases.some((r) => r.tag_name === tag)) {
      return [422, { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] }];
    }
    const id = nextId++;
    const draft = input['draft'] === true;
    const release: FakeRelease = {
      id,
      tag_name: tag,
      name: typeof input['name'] === 'string' ? input['name'] : tag,
      body: typeof input['body'] === 'string' ? input['body'] : '',
      draft,
      prerelease: input['prerelease'] === true,
      html_url: '',
    };
    release.html_url = urlOf(owner, repo, release);
    releases.push(release);
    applyLatest(release, input['make_latest']);
    return [201, release];
  }

  function update(owner: string, repo: string, id: number, input: Record<string, unknown>): Answer {
    const release = releases.find((r) => r.id === id);
    if (!release) return [404, { message: 'Not Found' }];
    for (const key of ['name', 'body'] as const) if (typeof input[key] === 'string') release[key] = input[key];
    for (const key of ['draft', 'prerelease'] as const) if (typeof input[key] === 'boolean') release[key] = input[key];
    release.html_url = urlOf(owner, repo, release);
    applyLatest(release, input['make_latest']);
    return [200, release];
  }

  function byTag(tag: string): Answer {
    const release = releases.find((r) => r.tag_name === tag && !r.draft);
    return release ? [200, release] : [404, { message: 'Not Found' }];
  }

  function byId(id: number): Answer {
    const release = releases.find((r) => r.id === id);
    return release ? [200, release] : [404, { message: 'Not Found' }];
  }

  function latest(): Answer {
    const release = releases.find((r) => r.id === latestId);
    return release ? [200, release] : [404, { message: 'Not Found' }];
  }

  return { releases, create, update, byTag, byId, latest, latestTag: () => releases.find((r) => r.id === latestId)?.tag_name ?? null };
}
