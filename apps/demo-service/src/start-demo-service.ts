// Starts the demo production service: an HTTP server over the release checked out in repoDir,
// with seeded synthetic traffic. reload() is a restart: the release is read again, the
// counters begin at 0 and a fault's onset counts from now.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NO_FAULTS, type DemoFaults } from './demo-faults.js';
import { demoHandler } from './demo-handler.js';
import { MetricsRegistry } from './metrics-registry.js';
import { readRelease, type Release } from './read-release.js';
import { seededRandom } from './seeded-random.js';
import { startSyntheticTraffic } from './synthetic-traffic.js';

export interface DemoServiceOptions {
  port: number;
  host?: string;
  /** A checkout whose package.json and demo-faults.json say what runs. */
  repoDir: string;
  seed?: number;
  /** Simulated requests per second (default 40). */
  trafficRps?: number;
}

export interface DemoService {
  url: string;
  close(): Promise<void>;
  reload(): Promise<void>;
  /** The release running now. */
  release(): Release;
}

export async function startDemoService(options: DemoServiceOptions): Promise<DemoService> {
  let release = await readRelease(options.repoDir);
  let startedAt = Date.now();
  const metrics = new MetricsRegistry();
  const random = seededRandom(options.seed ?? 42);
  const activeFaults = (): DemoFaults => (Date.now() - startedAt >= release.faults.onsetSeconds * 1000 ? release.faults : NO_FAULTS);

  const server = createServer(demoHandler({ release: () => release, activeFaults, startedAt: () => startedAt, metrics, random }));
  server.keepAliveTimeout = 1000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const traffic = startSyntheticTraffic({ rps: options.trafficRps ?? 40, random, metrics, activeFaults });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    release: () => release,
    async reload() {
      release = await readRelease(options.repoDir);
      startedAt = Date.now();
      metrics.reset();
    },
    async close() {
      traffic.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
