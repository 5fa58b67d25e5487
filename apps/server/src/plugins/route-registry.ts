// Every route the app registers, as Fastify reports it (onRoute): what the route-walk test and
// the auth checks enumerate, so a route added later is covered without a list to keep in sync.
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
  /** config.public (read when asked: a scope's own onRoute hook may set it after this one ran). */
  readonly public: boolean;
  /** config.role: the least role the route needs (undefined: the auth plugin's default). */
  readonly role: string | undefined;
  websocket: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export function routeRegistryPlugin(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (options: RouteOptions & { websocket?: boolean }) => {
    for (const method of [options.method].flat()) {
      routes.push({
        method,
        url: options.url,
        get public() {
          return (options.config as { public?: boolean } | undefined)?.public === true;
        },
        get role() {
          return (options.config as { role?: string } | undefined)?.role;
        },
        websocket: options.websocket === true,
      });
    }
  });
}
