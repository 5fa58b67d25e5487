import { describe, expect, it } from 'vitest';
import type { GithubReleaseConfig } from '../config/config-types.js';
import type { HttpRequest, HttpResponse } from '../context.js';
import { ShipgateError } from '../errors.js';
import { fakeContext } from '../testing/fake-context.js';
import { createGithubRelease } from './github-release.js';

const config: GithubReleaseConfig = { repository: 'acme/web', tokenEnv: 'GH_TOKEN', apiUrl: 'https://api.github.com', draft: false, prerelease: false };

function github(answers: Record<string, HttpResponse>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const ctx = fakeContext({
    env: { GH_TOKEN: 'tok' },
    http: async (url: string, request?: HttpRequest) => {
      const method = request?.method ?? 'GET';
      const path = new URL(url).pathname;
      calls.push({ method, path, body: request?.body ? JSON.parse(request.body) : undefined });
      return answers[`${method} ${path}`] ?? { status: 404, headers: {}, body: '{"message":"Not Found"}' };
    },
  });
  return { ctx, calls };
}

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: JSON.stringify(body) });

describe('createGithubRelease', () => {
  it('creates the release for the tag with the CHANGELOG excerpt as its body and returns its URL', async () => {
    const { ctx, calls } = github({ 'POST /repos/acme/web/releases': json(201, { id: 1, html_url: 'https://github.com/acme/web/releases/tag/v1.2.0' }) });
    const release = await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '### Added\n- Dark mode\n' });
    expect(release).toEqual({ id: 1, url: 'https://github.com/acme/web/releases/tag/v1.2.0', draft: false });
    expect(calls[0]?.body).toEqual({ tag_name: 'v1.2.0', name: 'v1.2.0', body: '### Added\n- Dark mode\n', draft: false, prerelease: false });
  });

  it('returns the existing release when one was already created for the tag', async () => {
    const { ctx, calls } = github({
      'POST /repos/acme/web/releases': json(422, { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] }),
      'GET /repos/acme/web/releases/tags/v1.2.0': json(200, { id: 1, html_url: 'https://github.com/acme/web/releases/tag/v1.2.0' }),
    });
    const release = await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '' });
    expect(release.url).toBe('https://github.com/acme/web/releases/tag/v1.2.0');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /repos/acme/web/releases', 'GET /repos/acme/web/releases/tags/v1.2.0']);
  });

  it('says a draft release blocks the tag when the existing release cannot be fetched by tag', async () => {
    const { ctx } = github({
      'POST /repos/acme/web/releases': json(422, { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] }),
    });
    const error = (await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '' }).catch((e: unknown) => e)) as ShipgateError;
    expect(error.message).toContain('probably a draft');
    expect(error.hint).toBe('publish or delete the draft release for v1.2.0 on GitHub');
  });

  it('fails with what GitHub answered for any other refusal', async () => {
    const { ctx } = github({ 'POST /repos/acme/web/releases': json(403, { message: 'Resource not accessible by integration' }) });
    const error = await createGithubRelease({ ctx, config, tag: 'v1.2.0', body: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipgateError);
    expect((error as ShipgateError).message).toBe('GitHub API POST /repos/acme/web/releases answered 403: Resource not accessible by integration');
    expect((error as ShipgateError).hint).toContain('$GH_TOKEN');
  });

  it('names deploy.githubRelease.tokenEnv when the token variable is missing', async () => {
    const { ctx } = github({});
    const error = await createGithubRelease({ ctx: { ...ctx, env: {} }, config, tag: 'v1.2.0', body: '' }).catch((e: unknown) => e);
    expect((error as ShipgateError).location.field).toBe('deploy.githubRelease.tokenEnv');
  });
});
