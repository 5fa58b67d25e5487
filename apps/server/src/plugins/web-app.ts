// Serves the built dashboard (apps/web/dist) as PUBLIC routes, and only that: one GET route per
// file found under webRoot at start, and the dashboard's own pages (index.html). Nothing else
// is a fallback: an unmatched request is a 404 (a browser asking for a page gets index.html
// with status 404, so the dashboard can say "There is no page here"), never a 2xx.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { startSession } from '../auth/start-session.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The dashboard's client-side routes (apps/web/src/routes/app-routes.tsx). */
export const DASHBOARD_PAGES = ['/', '/projects', '/projects/:id', '/releases/:id', '/history', '/reports', '/reports/:id', '/audit', '/tokens'] as const;

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/**
 * The printed sign-in link (`/?token=…`): the token is exchanged for the session cookie right
 * here and the browser is sent to the same page without it (303), before the page or any of its
 * assets load — so the token never reaches a Referer, the history, or a later request.
 */
async function signInByLink(app: FastifyInstance, request: FastifyRequest<{ Querystring: Record<string, string | string[] | undefined> }>, reply: FastifyReply) {
  const url = new URL(request.url, 'http://x');
  url.searchParams.delete('token');
  const token = request.query.token;
  const principal = typeof token === 'string' ? await app.identities.fromToken(token) : null;
  if (principal === null) url.searchParams.set('signin', 'failed');
  else await startSession(app, reply, principal);
  const path = url.pathname.startsWith('//') ? '/' : url.pathname; // never a protocol-relative Location
  return reply.header('cache-control', 'no-store').redirect(path + url.search, 303);
}

export async function webAppPlugin(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    // serve: false — only reply.sendFile (path-traversal safe); the routes are ours, below
    await app.register(fastifyStatic, { root: webRoot, serve: false });
    const page = { config: { public: true }, schema: { hide: true } };
    for (const file of filesUnder(webRoot)) {
      if (!/^[A-Za-z0-9._/-]+$/.test(file) || file.split('/').some((part) => part.startsWith('.'))) continue;
      app.get(`/${file}`, page, (_request, reply) => reply.sendFile(file));
    }
    for (const path of DASHBOARD_PAGES) {
      app.get<{ Querystring: Record<string, string | string[] | undefined> }>(path, page, (request, reply) => {
        if (request.query.token !== undefined) return signInByLink(app, request, reply);
        return reply.type('text/html; charset=utf-8').sendFile('index.html');
      });
    }
  }
  const notFoundPage = hasWeb ? readFileSync(join(webRoot, 'index.html')) : null;
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (notFoundPage && wantsPage) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage);
    return reply.code(404).send({ error: 'not_found', message: 'there is no such route' });
  });
}
