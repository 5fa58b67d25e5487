// Creates the GitHub Release for a tag, or finds the one an earlier run created (idempotent).
import type { GithubReleaseConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import { createGithubApi, readGithubToken, repoPath } from './github-api.js';

export interface CreateGithubReleaseInput {
  ctx: CoreContext;
  config: GithubReleaseConfig;
  tag: string;
  /** Release title; default: the tag. */
  name?: string;
  /** The CHANGELOG excerpt for this version (markdown). */
  body: string;
  signal?: AbortSignal;
  log?: (line: string, stream?: 'info' | 'warn') => void;
}

interface GithubReleaseData {
  html_url?: string;
  errors?: { code?: string; field?: string }[];
}

export async function createGithubRelease(input: CreateGithubReleaseInput): Promise<{ url: string }> {
  const { ctx, config, tag } = input;
  const token = readGithubToken(ctx.env, config.tokenEnv, 'deploy.githubRelease.tokenEnv');
  const repo = repoPath(config.repository, 'deploy.githubRelease.repository');
  const signal = input.signal ?? ctx.signal;
  const api = createGithubApi({ ctx, apiUrl: config.apiUrl, token, tokenEnv: config.tokenEnv, ...(signal ? { signal } : {}) });

  const path = `${repo}/releases`;
  const created = await api.send<GithubReleaseData>('POST', path, {
    tag_name: tag,
    name: input.name ?? tag,
    body: input.body,
    draft: config.draft,
    prerelease: config.prerelease,
  });
  if (created.status === 201 && created.data.html_url) {
    input.log?.(`GitHub Release ${tag} created: ${created.data.html_url}`, 'info');
    return { url: created.data.html_url };
  }
  if (created.status === 422 && created.data.errors?.some((e) => e.code === 'already_exists')) {
    const byTag = `${repo}/releases/tags/${encodeURIComponent(tag)}`;
    const existing = await api.send<GithubReleaseData>('GET', byTag);
    if (existing.status === 200 && existing.data.html_url) {
      input.log?.(`GitHub Release ${tag} already existed: ${existing.data.html_url}`, 'info');
      return { url: existing.data.html_url };
    }
    if (existing.status === 404) {
      // GitHub never returns draft releases by tag.
      throw new ShipgateError('DEPLOY_FAILED', `a GitHub Release for ${tag} already exists but cannot be fetched by tag (it is probably a draft)`, {
        hint: `publish or delete the draft release for ${tag} on GitHub`,
      });
    }
    throw api.errorFor('GET', byTag, existing);
  }
  if (created.status >= 200 && created.status < 300) {
    throw new ShipgateError('DEPLOY_FAILED', `GitHub answered ${created.status} to creating the release ${tag} but gave no html_url`);
  }
  throw api.errorFor('POST', path, created);
}
