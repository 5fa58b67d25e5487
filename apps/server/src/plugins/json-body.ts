// JSON bodies: Fastify's own parser (prototype-poisoning safe), except that an empty body with
// a JSON content type means "no body" — the action endpoints are body-less POSTs, and a client
// that always sends `content-type: application/json` must still be able to abort a release.
import type { FastifyInstance } from 'fastify';

export function jsonBodyPlugin(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    return parse(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });
}
