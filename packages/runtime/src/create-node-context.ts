// The real context the CLI and the server hand to the engine.
import type { CoreContext, Emit } from '@shipgate/core';
import { createNodeExec } from './node-exec.js';
import { createNodeFileSystem } from './node-file-system.js';
import { createNodeHttp } from './node-http.js';
import { createNodeNet } from './node-net.js';
import { createSystemClock } from './system-clock.js';

export interface NodeContextOptions {
  emit: Emit;
  /** Environment visible to the engine and inherited by every child process; default process.env. */
  env?: Record<string, string | undefined>;
  /** Aborts the running step (cancel). */
  signal?: AbortSignal;
}

export function createNodeContext(options: NodeContextOptions): CoreContext {
  const env = options.env ?? { ...process.env };
  return {
    exec: createNodeExec(env),
    fs: createNodeFileSystem(),
    http: createNodeHttp(),
    net: createNodeNet(),
    clock: createSystemClock(),
    emit: options.emit,
    env,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}
