// The TCP port on node:net: open a connection, close it, report how it went.
import { createConnection } from 'node:net';
import type { Net } from '@shipgate/core';
import { ConnectionError, describeConnectionError } from './connection-error.js';

export function createNodeNet(): Net {
  return {
    connect: (host, port, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const socket = createConnection({ host, port });
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new ConnectionError('timeout', `timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.destroy();
          resolve();
        });
        socket.once('error', (error) => {
          clearTimeout(timer);
          socket.destroy();
          reject(describeConnectionError(error, host));
        });
      }),
  };
}
