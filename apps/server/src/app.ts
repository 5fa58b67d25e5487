// The Fastify app as a plugin tree: external plugins → decorators → routes, explicitly.
// main/serve only listen and shut down; tests build this and use app.inject.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import { ShipgateError } from '@shipgate/core';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createIdentities, type Identities } from './auth/identities.js';
import { createOidcSignIn, type OidcSignIn } from './auth/oidc-sign-in.js';
import { createTokenVerifier } from './auth/token-verifier.js';
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
import { deliveryRoutes } from './routes/delivery-routes.js';
import { demoRoutes, type DemoControls } from './routes/demo-routes.js';
import { docsRoutes } from './routes/docs-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { projectRoutes } from './routes/project-routes.js';
import { releaseActionRoutes } from './routes/release-action-routes.js';
import { approvalRoutes } from './routes/approval-routes.js';
import { releaseRoutes } from './routes/release-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { meRoutes } from './routes/me-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import { oidcRoutes } from './routes/oidc-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { NO_SETTINGS, type ServerSettings } from './settings/server-settings.js';
import { wsRoutes } from './routes/ws-routes.js';
import type { Services } from './services.js';
import { createServices } from './create-services.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    identities: Identities;
    settings: ServerSettings;
    /** Sign-in with the OpenID provider; null when the settings configure none. */
    oidc: OidcSignIn | null;
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
  /** The server settings file (CONTRACT §7), read; default: none. */
  settings?: ServerSettings;
  /** Notification delivery timing (tests shorten it); default 4 attempts over ~6 minutes, 10 s each at most. */
  notifications?: { backoffMs?: number[]; timeoutMs?: number };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    clientErrorHandler,
  });

  routeRegistryPlugin(app);
  strictValidationPlugin(app);
  const publicUrl = resolvePublicUrl(options);
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
  const settings = options.settings ?? NO_SETTINGS;
  app.decorate('settings', settings);
  app.decorate('oidc', settings.oidc ? createOidcSignIn(settings.oidc) : null);
  app.decorate('identities', createIdentities({ legacy: createTokenVerifier(options.tokens), named: settings.tokens, user: (id) => services.users.get(id), apiTokens: services.apiTokens }));
  jsonBodyPlugin(app);
  authPlugin(app);
  errorHandlerPlugin(app);

  healthRoutes(app);
  sessionRoutes(app);
  oidcRoutes(app);
  meRoutes(app);
  tokenRoutes(app);
  auditRoutes(app);
  projectRoutes(app);
  releaseRoutes(app);
  releaseActionRoutes(app);
  approvalRoutes(app);
  reportRoutes(app);
  deliveryRoutes(app);
  wsRoutes(app);
  demoRoutes(app, options.demo);
  docsRoutes(app);
  await webAppPlugin(app, options.webRoot);

  // links in notifications: the public URL, else the address this server listens on
  services.notifier.linkBase = () => publicUrl?.origin ?? listeningOrigin(app);
  await services.notifier.start();
  const recovered = await recoverReleases(services);
  if (recovered > 0) app.log.warn({ recovered }, 'releases left running by the previous server are now interrupted');
  app.addHook('onClose', async () => {
    await stopReleases(services, options.shutdownGraceMs ?? 3000);
    await services.notifier.stop();
    services.db.$client.close();
  });
  return app;
}

function listeningOrigin(app: FastifyInstance): string | null {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return null;
  const host = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** --public-url, else the settings file's auth.oidc.publicUrl; the two must agree when both are given. */
function resolvePublicUrl(options: AppOptions): URL | null {
  const fromSettings = options.settings?.oidc?.publicUrl;
  if (options.publicUrl && fromSettings && new URL(options.publicUrl).origin !== new URL(fromSettings).origin) {
    throw new ShipgateError('CONFIG_INVALID', `auth.oidc.publicUrl (${fromSettings}) differs from --public-url (${options.publicUrl})`, {
      ...(options.settings?.file ? { file: options.settings.file } : {}),
      field: 'auth.oidc.publicUrl',
      hint: 'give the same URL in both, or drop --public-url',
    });
  }
  const text = options.publicUrl ?? fromSettings;
  return text ? new URL(text) : null;
}
