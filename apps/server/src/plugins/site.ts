// Where this server is reached: the host names it answers for and the origins its own pages
// have. Bound to loopback (the default), it answers only loopback names (localhost, 127.x.x.x,
// [::1]) — a DNS-rebinding page under another name gets 421 — unless a public URL is set
// (`--public-url` / SHIPGATE_PUBLIC_URL), whose host is then accepted too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface Site {
  /** The URL people use to reach the server (behind a proxy), or null. */
  publicUrl: URL | null;
  /** true when bound to a non-loopback address without a public URL: any Host is answered. */
  anyHost: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    site: Site;
  }
}

const LOOPBACK = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackAddress(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

/** The host name of a Host header, lower-cased, without the port ("[::1]" keeps its brackets). */
export function hostNameOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function hostAllowed(site: Site, header: string | undefined): boolean {
  const name = hostNameOf(header);
  if (name === null) return false;
  if (site.anyHost) return true;
  if (LOOPBACK.test(name)) return true;
  return site.publicUrl !== null && name === site.publicUrl.hostname.toLowerCase();
}

/** The origins of this server's own pages, as a browser would send them in `Origin`. */
export function ownOrigins(site: Site, request: FastifyRequest): string[] {
  const host = request.headers.host;
  const origins = host ? [`http://${host}`, `https://${host}`] : [];
  if (site.publicUrl) origins.push(site.publicUrl.origin);
  return origins.map((o) => o.toLowerCase());
}

/** true when the request carries an Origin header that is not this server's. */
export function isForeignOrigin(site: Site, request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return !ownOrigins(site, request).includes(origin.toLowerCase());
}

export function sitePlugin(app: FastifyInstance, site: Site): void {
  app.decorate('site', site);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (hostAllowed(site, request.headers.host)) return;
    const named = site.publicUrl ? `loopback names and ${site.publicUrl.hostname}` : 'loopback names (localhost, 127.0.0.1, [::1])';
    return reply.code(421).send({
      error: 'unknown_host',
      message: `this server answers only for ${named}; to reach it under another name, start it with --public-url <url> (or SHIPGATE_PUBLIC_URL)`,
    });
  });
}
