import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeNet } from './node-net.js';

const net = createNodeNet();
const servers: Server[] = [];

async function listen(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, connections: () => count };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('node net', () => {
  it('resolves when a TCP listener accepts the connection', async () => {
    const { port, connections } = await listen();
    await net.connect('127.0.0.1', port, 1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections()).toBe(1);
  });

  it('rejects with "connection refused" on a closed port', async () => {
    const { port } = await listen();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(net.connect('127.0.0.1', port, 1_000)).rejects.toThrow('connection refused');
  });
});
