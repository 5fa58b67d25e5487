// One spec file's world: a health endpoint, a fixture repo and a real Shipgate server.
import { makeFixture, type Fixture, type FixtureOptions } from './fixture.ts';
import { startHealthServer, type HealthServer } from './health-server.ts';
import { ShipgateServer } from './shipgate-server.ts';

export interface World {
  health: HealthServer;
  fixture: Fixture;
  server: ShipgateServer;
  stop: () => Promise<void>;
}

export async function startWorld(options: Omit<FixtureOptions, 'healthUrl'> = {}, serve: Parameters<typeof ShipgateServer.start>[1] = {}): Promise<World> {
  const health = await startHealthServer();
  const fixture = makeFixture({ ...options, healthUrl: health.url });
  const server = await ShipgateServer.start(fixture.app, serve);
  return {
    health,
    fixture,
    server,
    stop: async () => {
      await server.stop();
      await health.close();
    },
  };
}
