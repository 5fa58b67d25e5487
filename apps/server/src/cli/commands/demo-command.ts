import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliArgs } from '../cli-args.js';

/**
 * `shipgate demo`: builds (or reuses) the sandbox in ./.demo, starts the demo production
 * service that follows the sandbox's production branch, and serves the dashboard.
 */
export async function demoCommand(args: CliArgs): Promise<number> {
  const [{ buildSandbox }, { makeFaultyRelease }, { fixTheFault }, { DEMO_SERVICE_PORT }, { runDemoService }, { serve }] = await Promise.all([
    import('../../demo/build-sandbox.js'),
    import('../../demo/make-faulty-release.js'),
    import('../../demo/fix-the-fault.js'),
    import('../../demo/sandbox-files.js'),
    import('@shipgate/demo-service'),
    import('../../serve.js'),
  ]);
  const servicePort = args.servicePort ?? (args.port === DEMO_SERVICE_PORT ? DEMO_SERVICE_PORT + 1 : DEMO_SERVICE_PORT);
  const sandbox = buildSandbox({ root: resolve(args.dataDir === '.shipgate' ? '.demo' : args.dataDir), reset: args.reset, servicePort });
  console.log(sandbox.created ? `Demo sandbox created in ${sandbox.root}` : `Reusing the demo sandbox in ${sandbox.root} (--reset recreates it)`);
  const service = await runDemoService({
    port: servicePort,
    host: '127.0.0.1',
    repoDir: sandbox.serviceDir,
    follow: { origin: sandbox.origin, branch: 'production', pollMs: 500 },
    log: (line) => console.log(`[demo-service] ${line}`),
  });
  console.log(`Demo production service on ${service.url} running ${service.release().version}`);
  mkdirSync(sandbox.dataDir, { recursive: true });
  console.log(`Server log (JSON lines): ${join(sandbox.dataDir, 'server.log')}`);
  // the dashboard may not start (its port taken, its data dir held by another server): then the
  // demo service must not keep running on its own, and the command ends with the reason
  const server = await serve({
    port: args.port,
    host: args.host,
    dataDir: sandbox.dataDir,
    projects: [sandbox.app],
    // the dashboard's requests and errors go to a file, so the terminal keeps the story
    log: createWriteStream(join(sandbox.dataDir, 'server.log'), { flags: 'a' }),
    demo: { makeFaultyRelease: (kind) => makeFaultyRelease(sandbox.app, kind), fixTheFault: () => fixTheFault(sandbox.app) },
    handleSignals: false,
    print: (line) => console.log(line.replace('Shipgate is running at', 'Open the dashboard:')),
  }).catch(async (error: unknown) => {
    await service.close();
    throw error;
  });
  const stop = () => {
    void Promise.allSettled([server.close(), service.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Promote ${'demo-shop'} from the dashboard; "Make the next release faulty" shows the automatic rollback.`);
  return new Promise<number>(() => {});
}
