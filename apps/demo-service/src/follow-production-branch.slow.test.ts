import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { git } from './git.js';
import { runDemoService } from './run-demo-service.js';
import { commitRelease, initRepo, requestCounts, tempDir } from './test-repo.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function versionOf(url: string): Promise<{ version: string; commit: string }> {
  return (await (await fetch(`${url}/api/version`)).json()) as { version: string; commit: string };
}

async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await delay(100);
  }
}

describe('following the production branch of a bare origin', () => {
  it('runs the commit production points to, and the new one after production moves', async () => {
    const root = await tempDir('demo-follow');
    cleanups.push(root.remove);
    const origin = join(root.path, 'origin.git');
    const app = join(root.path, 'app');
    await git(['init', '--quiet', '--bare', origin]);
    const v1 = await initRepo(app, '1.0.0');
    await git(['push', '--quiet', origin, 'HEAD:refs/heads/main', 'HEAD:refs/heads/production'], app);
    const v2 = await commitRelease(app, '1.1.0', { 'demo-faults.json': '{"errorRate":0.5}' });
    await git(['push', '--quiet', origin, 'HEAD:refs/heads/main'], app);

    const service = await runDemoService({
      port: 0,
      repoDir: join(root.path, 'service'),
      trafficRps: 300,
      follow: { origin, branch: 'production', pollMs: 150 },
    });
    cleanups.push(service.close);
    expect(await versionOf(service.url)).toEqual({ version: '1.0.0', commit: v1 });

    await git(['push', '--quiet', origin, `${v2}:refs/heads/production`], app);
    expect(await waitFor(() => versionOf(service.url), (v) => v.version === '1.1.0')).toEqual({ version: '1.1.0', commit: v2 });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain(`demo_build_info{version="1.1.0",commit="${v2}"} 1`);

    await git(['push', '--quiet', '--force', origin, `${v1}:refs/heads/production`], app);
    expect(await waitFor(() => versionOf(service.url), (v) => v.version === '1.0.0')).toEqual({ version: '1.0.0', commit: v1 });
    await delay(500);
    const afterRollback = requestCounts(await (await fetch(`${service.url}/metrics`)).text());
    expect(afterRollback.errors / afterRollback.total).toBeLessThan(0.1);
  });
});
