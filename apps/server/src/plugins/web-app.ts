// Serves the built dashboard (apps/web/dist) as PUBLIC routes, and only that: one GET route per
// file found under webRoot at start, and the dashboard's own pages (index.html). Nothing else
// is a fallback: an unmatched request is a 404 (a browser asking for a page gets index.html
// with status 404, so the dashboard can say "There is no page here"), never a 2xx.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The dashboard's client-side routes (apps/web/src/routes/app-routes.tsx). */
export const DASHBOARD_PAGES = ['/', '/projects', '/projects/:id', '/releases/:id', '/history', '/reports', '/reports/:id'] as const;

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
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
      app.get(path, page, (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html'));
    }
  }
  const notFoundPage = hasWeb ? readFileSync(join(webRoot, 'index.html')) : null;
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (notFoundPage && wantsPage) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage);
    return reply.code(404).send({ error: 'not_found', message: 'there is no such route' });
  });
}
