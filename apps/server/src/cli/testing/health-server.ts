// A local HTTP health endpoint answering 200 (or what `status` returns per request).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

export async function startHealthServer(status: () => number = () => 200): Promise<HealthServer> {
  const server = createServer((_req, res) => {
    res.writeHead(status(), { 'content-type': 'application/health+json' });
    res.end('{"status":"pass"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
