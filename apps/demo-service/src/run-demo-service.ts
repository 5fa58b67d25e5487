// The service as the sandbox runs it: optionally following a bare origin's production branch
// into its own work dir, so it always runs what production points to.
import { mkdir } from 'node:fs/promises';
import { followProductionBranch, syncToProduction } from './follow-production-branch.js';
import { startDemoService, type DemoService, type DemoServiceOptions } from './start-demo-service.js';

export interface RunDemoServiceOptions extends DemoServiceOptions {
  follow?: { origin: string; branch: string; pollMs?: number };
  log?: (line: string) => void;
}

export async function runDemoService(options: RunDemoServiceOptions): Promise<DemoService> {
  const log = options.log ?? (() => {});
  const { follow, ...serviceOptions } = options;
  if (!follow) return startDemoService(serviceOptions);

  await mkdir(options.repoDir, { recursive: true });
  const initial = await syncToProduction(follow.origin, follow.branch, options.repoDir);
  if (!initial) log(`${follow.branch} does not exist in ${follow.origin} yet; waiting for the first deploy`);
  const service = await startDemoService(serviceOptions);
  const follower = followProductionBranch(
    {
      origin: follow.origin,
      branch: follow.branch,
      workDir: options.repoDir,
      ...(follow.pollMs === undefined ? {} : { intervalMs: follow.pollMs }),
      onMove: async (commit) => {
        await service.reload();
        log(`${follow.branch} moved to ${commit.slice(0, 7)}: now running ${service.release().version}`);
      },
      onError: (error) => log(`following ${follow.branch} failed: ${error instanceof Error ? error.message : String(error)}`),
    },
    initial,
  );
  return {
    ...service,
    async close() {
      follower.stop();
      await service.close();
    },
  };
}
