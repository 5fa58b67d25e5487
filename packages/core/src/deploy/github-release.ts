// The GitHub Release of a tag: created once verified (or as a draft, published when
// verified), found again when an earlier run created it (idempotent), and after a rollback
// marked so nobody takes it for the current release: a prerelease titled "(rolled back)",
// not Latest, with the release production returned to made Latest again.
import type { GithubReleaseConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import { createGithubApi, readGithubToken, repoPath, type GithubApi } from './github-api.js';

export interface CreateGithubReleaseInput {
  ctx: CoreContext;
  config: GithubReleaseConfig;
  tag: string;
  /** Release title; default: the tag. */
  name?: string;
  /** The CHANGELOG excerpt for this version (markdown). */
  body: string;
  /** Create it as a draft even when config.draft is false (published later by publishGithubRelease). */
  draft?: boolean;
  signal?: AbortSignal;
  log?: (line: string, stream?: 'info' | 'warn') => void;
}

export interface GithubReleaseRef {
  id: number;
  url: string;
  draft: boolean;
}

interface GithubReleaseData {
  id?: number;
  html_url?: string;
  draft?: boolean;
  prerelease?: boolean;
  name?: string | null;
  body?: string | null;
  errors?: { code?: string; field?: string }[];
}

function open(ctx: CoreContext, config: GithubReleaseConfig, signal?: AbortSignal): { api: GithubApi; path: string } {
  const token = readGithubToken(ctx.env, config.tokenEnv, 'deploy.githubRelease.tokenEnv');
  const repo = repoPath(config.repository, 'deploy.githubRelease.repository');
  const api = createGithubApi({ ctx, apiUrl: config.apiUrl, token, tokenEnv: config.tokenEnv, ...(signal ? { signal } : {}) });
  return { api, path: `${repo}/releases` };
}

function refOf(data: GithubReleaseData, what: string): GithubReleaseRef {
  if (typeof data.id !== 'number' || !data.html_url) throw new ShipgateError('DEPLOY_FAILED', `GitHub answered ${what} without the release's id and html_url`);
  return { id: data.id, url: data.html_url, draft: data.draft === true };
}

export async function createGithubRelease(input: CreateGithubReleaseInput): Promise<GithubReleaseRef> {
  const { ctx, config, tag } = input;
  const { api, path } = open(ctx, config, input.signal ?? ctx.signal);
  const draft = config.draft || input.draft === true;
  const created = await api.send<GithubReleaseData>('POST', path, { tag_name: tag, name: input.name ?? tag, body: input.body, draft, prerelease: config.prerelease });
  if (created.status === 201) {
    const release = refOf(created.data, `201 to creating the release ${tag}`);
    input.log?.(`GitHub Release ${tag} created${release.draft ? ' as a draft' : ''}: ${release.url}`, 'info');
    return release;
  }
  if (created.status === 422 && created.data.errors?.some((e) => e.code === 'already_exists')) {
    const byTag = `${path}/tags/${encodeURIComponent(tag)}`;
    const existing = await api.send<GithubReleaseData>('GET', byTag);
    if (existing.status === 200) {
      const release = refOf(existing.data, `the release ${tag}`);
      input.log?.(`GitHub Release ${tag} already existed: ${release.url}`, 'info');
      return release;
    }
    if (existing.status === 404) {
      // GitHub never returns draft releases by tag.
      throw new ShipgateError('DEPLOY_FAILED', `a GitHub Release for ${tag} already exists but cannot be fetched by tag (it is probably a draft)`, {
        hint: `publish or delete the draft release for ${tag} on GitHub`,
      });
    }
    throw api.errorFor('GET', byTag, existing);
  }
  throw created.status >= 200 && created.status < 300
    ? new ShipgateError('DEPLOY_FAILED', `GitHub answered ${created.status} to creating the release ${tag} but gave no html_url`)
    : api.errorFor('POST', path, created);
}

/** Publishes a draft created before verification; it becomes Latest. */
export async function publishGithubRelease(ctx: CoreContext, config: GithubReleaseConfig, id: number): Promise<GithubReleaseRef> {
  const { api, path } = open(ctx, config);
  const published = await api.request<GithubReleaseData>('PATCH', `${path}/${id}`, { draft: false, make_latest: 'true' });
  return refOf(published.data, 'publishing the release');
}

export interface MarkRolledBackInput {
  ctx: CoreContext;
  config: GithubReleaseConfig;
  /** The release's id; without it the release is found by its tag (GitHub never returns a draft that way). */
  id?: number;
  tag: string;
  /** The tag production runs again, whose release becomes Latest again. */
  restoredTag: string | null;
  /** One line: why and when. */
  note: string;
}

export interface MarkedRelease extends GithubReleaseRef {
  /** What became of the restored tag's release: made Latest, none published by that tag, or a prerelease (left alone). */
  restored: 'latest' | 'missing' | 'prerelease' | null;
}

/**
 * Marks the release of a rolled-back tag: prerelease, "(rolled back)" title, a note on top, not
 * Latest; the restored tag's release is made Latest. Null when `id` is not given and no release
 * of the tag is found by tag.
 */
export async function markGithubReleaseRolledBack(input: MarkRolledBackInput): Promise<MarkedRelease | null> {
  const { api, path } = open(input.ctx, input.config);
  let id = input.id;
  if (id === undefined) {
    const byTag = `${path}/tags/${encodeURIComponent(input.tag)}`;
    const found = await api.send<GithubReleaseData>('GET', byTag);
    if (found.status === 404) return null;
    id = refOf(api.accept('GET', byTag, found).data, `the release ${input.tag}`).id;
  }
  const current = (await api.request<GithubReleaseData>('GET', `${path}/${id}`)).data;
  const banner = `> **Rolled back.** ${input.note}`;
  const body = current.body ?? '';
  const marked = await api.request<GithubReleaseData>('PATCH', `${path}/${id}`, {
    name: `${input.tag} (rolled back)`,
    prerelease: true,
    make_latest: 'false',
    body: body.startsWith('> **Rolled back.**') ? body : `${banner}\n\n${body}`,
  });
  let restored: MarkedRelease['restored'] = null;
  if (input.restoredTag) {
    const byTag = `${path}/tags/${encodeURIComponent(input.restoredTag)}`;
    const found = await api.send<GithubReleaseData>('GET', byTag);
    const data = found.status === 404 ? null : api.accept('GET', byTag, found).data;
    restored = !data || typeof data.id !== 'number' ? 'missing' : data.prerelease ? 'prerelease' : 'latest';
    if (restored === 'latest') await api.request('PATCH', `${path}/${data!.id}`, { make_latest: 'true' });
  }
  return { ...refOf(marked.data, 'marking the release rolled back'), restored };
}

/** The log line after marking: the release, and what became of the restored one. */
export function describeMarkedRelease(tag: string, marked: MarkedRelease, restoredTag: string | null): string {
  const restored =
    marked.restored === 'latest'
      ? `; ${restoredTag} is Latest again`
      : marked.restored === 'missing'
        ? `; ${restoredTag} has no published GitHub Release, so GitHub shows the newest other one as Latest`
        : marked.restored === 'prerelease'
          ? `; ${restoredTag}'s release is a prerelease (rolled back earlier?) and was not made Latest: publish it as a full release on GitHub if it should be`
          : '';
  return `GitHub Release ${tag} marked as rolled back (prerelease, not Latest): ${marked.url}${restored}`;
}
