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
  id: number;
  tag: string;
  /** The tag production runs again, whose release becomes Latest again. */
  restoredTag: string | null;
  /** One line: why and when. */
  note: string;
}

/** Marks the release of a rolled-back tag: prerelease, "(rolled back)" title, a note on top, not Latest. */
export async function markGithubReleaseRolledBack(input: MarkRolledBackInput): Promise<GithubReleaseRef> {
  const { api, path } = open(input.ctx, input.config);
  const current = (await api.request<GithubReleaseData>('GET', `${path}/${input.id}`)).data;
  const banner = `> **Rolled back.** ${input.note}`;
  const body = current.body ?? '';
  const marked = await api.request<GithubReleaseData>('PATCH', `${path}/${input.id}`, {
    name: `${input.tag} (rolled back)`,
    prerelease: true,
    make_latest: 'false',
    body: body.startsWith('> **Rolled back.**') ? body : `${banner}\n\n${body}`,
  });
  if (input.restoredTag) {
    const restored = await api.send<GithubReleaseData>('GET', `${path}/tags/${encodeURIComponent(input.restoredTag)}`);
    if (restored.status === 200 && typeof restored.data.id === 'number' && !restored.data.prerelease) {
      await api.request('PATCH', `${path}/${restored.data.id}`, { make_latest: 'true' });
    }
  }
  return refOf(marked.data, 'marking the release rolled back');
}
