import { resolve } from 'node:path';
import type { CliArgs } from '../cli-args.js';

/** `shipgate serve`: the dashboard and the REST/WebSocket API until SIGINT/SIGTERM. */
export async function serveCommand(args: CliArgs): Promise<number> {
  const { serve } = await import('../../serve.js');
  await serve({
    port: args.port,
    host: args.host,
    ...(args.publicUrl ? { publicUrl: args.publicUrl } : {}),
    ...(args.config ? { config: resolve(args.config) } : {}),
    dataDir: resolve(args.dataDir),
    projects: args.projects.map((p) => resolve(p)),
    // requests and errors as JSON lines on stdout: what "see the server log" refers to
    log: true,
  });
  return new Promise<number>(() => {}); // serve() owns shutdown and exits the process
}
