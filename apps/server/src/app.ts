// The Fastify app as a plugin tree: external plugins → decorators → routes, explicitly.
// main/serve only listen and shut down; tests build this and use app.inject.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier.js';
import type { Engine } from './engine.js';
import { authPlugin } from './plugins/auth.js';
import { clientErrorHandler } from './plugins/client-error.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { jsonBodyPlugin } from './plugins/json-body.js';
import { routeRegistryPlugin } from './plugins/route-registry.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { sitePlugin } from './plugins/site.js';
import { strictValidationPlugin } from './plugins/strict-validation.js';
import { webAppPlugin } from './plugins/web-app.js';
import { recoverReleases, stopReleases } from './releases/recover-releases.js';
import { demoRoutes, type DemoControls } from './routes/demo-routes.js';
import { docsRoutes } from './routes/docs-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { projectRoutes } from './routes/project-routes.js';
import { releaseActionRoutes } from './routes/release-action-routes.js';
import { releaseRoutes } from './routes/release-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { wsRoutes } from './routes/ws-routes.js';
import type { Services } from './services.js';
import { createServices } from './create-services.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    tokens: TokenVerifier;
  }
}

export interface AppOptions {
  dataDir: string;
  tokens: { deployer: string; viewer?: string | undefined };
  /** The release engine; default: @shipgate/core with @shipgate/runtime's context. */
  engine?: Engine;
  /** Environment handed to the engine; default process.env. */
  env?: Record<string, string | undefined>;
  /** The built dashboard (apps/web/dist). */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** How long close() lets running steps reach a safe point before marking them interrupted. */
  shutdownGraceMs?: number;
  /** The URL people use to reach this server (e.g. behind a proxy): its host is answered and its origin trusted. */
  publicUrl?: string | undefined;
  /** Answer any Host header (set when bound to a non-loopback address without a public URL); default: loopback names only. */
  anyHost?: boolean;
  /** Set by `shipgate demo`: enables the demo-only routes (make the next release faulty). */
  demo?: DemoControls;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    clientErrorHandler,
  });

  routeRegistryPlugin(app);
  strictValidationPlugin(app);
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  await securityHeadersPlugin(app, publicUrl);
  sitePlugin(app, { publicUrl, anyHost: options.anyHost === true && publicUrl === null });
  await app.register(fastifyCookie);
  // no permessage-deflate: ws-session writes pre-built frames beside ws's synchronous sender
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024, perMessageDeflate: false } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Shipgate API', version: '1.0.0', description: 'Promote validated staging builds to production (CONTRACT §4–§5).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const services = await createServices(app.log, options);
  app.decorate('services', services);
  app.decorate('tokens', createTokenVerifier(options.tokens));
  jsonBodyPlugin(app);
  authPlugin(app);
  errorHandlerPlugin(app);

  healthRoutes(app);
  sessionRoutes(app);
  projectRoutes(app);
  releaseRoutes(app);
  releaseActionRoutes(app);
  reportRoutes(app);
  wsRoutes(app);
  demoRoutes(app, options.demo);
  docsRoutes(app);
  await webAppPlugin(app, options.webRoot);

  const recovered = recoverReleases(services);
  if (recovered > 0) app.log.warn({ recovered }, 'releases left running by the previous server are now interrupted');
  app.addHook('onClose', async () => {
    await stopReleases(services, options.shutdownGraceMs ?? 3000);
    services.db.$client.close();
  });
  return app;
}
