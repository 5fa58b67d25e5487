// The command deploy provider and waitForVersion against the real world: real `sh` processes
// and a real HTTP endpoint. The github-actions provider has its own file (github-actions.slow.test.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Core's source, not its build: these tests run without a prior `tsc -b`.
import type { CommandDeployConfig } from '../../core/src/config/config-types.js';
import type { CoreContext } from '../../core/src/context.js';
import { commandProvider } from '../../core/src/deploy/command-provider.js';
import type { DeployInput } from '../../core/src/deploy/deploy-provider.js';
import { waitForVersion } from '../../core/src/deploy/wait-for-version.js';
import { ShipgateError } from '../../core/src/errors.js';
import { createNodeContext } from './index.js';
import { isProcessAlive } from './testing/process-liveness.js';

const SHA = '1'.repeat(40);
const PREVIOUS_SHA = '3'.repeat(40);

let dir: string;
let ctx: CoreContext;
let logged: { line: string; stream: string | undefined }[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-deploy-'));
  ctx = createNodeContext({ emit: () => {}, env: { ...process.env } });
  logged = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function input(config: DeployInput['config']): DeployInput {
  return {
    repoDir: dir,
    remote: 'origin',
    config,
    ctx,
    release: { version: '1.2.0', tag: 'v1.2.0', commit: SHA },
    previous: { version: '1.1.0', tag: 'v1.1.0', commit: PREVIOUS_SHA },
    log: (line, stream) => logged.push({ line, stream }),
  };
}

async function caught(promise: Promise<unknown>): Promise<ShipgateError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShipgateError);
  return error as ShipgateError;
}

describe('command provider with real processes', () => {
  const command = (overrides: Partial<CommandDeployConfig>): CommandDeployConfig => ({ provider: 'command', command: 'true', timeoutSeconds: 30, ...overrides });

  it('fails a command that exits 3 with its exit code and output, after streaming each line', async () => {
    const error = await caught(commandProvider.deploy(input(command({ command: 'echo deploying $SHIPGATE_VERSION; echo to $SHIPGATE_TAG >&2; exit 3' }))));
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toContain('exited with code 3');
    expect(error.message).toContain('deploying 1.2.0\nto v1.2.0');
    expect(logged).toEqual([
      { line: 'deploying 1.2.0', stream: 'stdout' },
      { line: 'to v1.2.0', stream: 'stderr' },
    ]);
  });

  it('kills a command that outlives its timeout together with the child it started', async () => {
    const pidFile = join(dir, 'child.pid');
    const started = Date.now();
    const error = await caught(commandProvider.deploy(input(command({ command: `sleep 60 & echo $! > ${pidFile}; wait`, timeoutSeconds: 1 }))));
    expect(error.message).toContain('timed out after 1 s and was killed');
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(await readFile(pidFile, 'utf8'));
    await expect.poll(() => isProcessAlive(child), { timeout: 5_000 }).toBe(false);
  });

  it('runs the rollback command with SHIPGATE_ROLLBACK_TO and the restored release', async () => {
    const base = input(command({ rollbackCommand: 'echo "$SHIPGATE_ROLLBACK_TO $SHIPGATE_TAG $SHIPGATE_PREVIOUS_VERSION" > rolled-back.txt' }));
    const result = await commandProvider.rollback({ ...base, to: base.previous! });
    expect(await readFile(join(dir, 'rolled-back.txt'), 'utf8')).toBe('1.1.0 v1.1.0 1.2.0\n');
    expect(result.detail).toBe('rollback command restored v1.1.0');
  });

  it('records the URL printed by the report command', async () => {
    const result = await commandProvider.deploy(input(command({ command: 'echo ok', reportCommand: 'echo "Deployed $SHIPGATE_VERSION to https://acme-$SHIPGATE_VERSION.example.app"' })));
    expect(result.deploymentUrl).toBe('https://acme-1.2.0.example.app');
  });
});

describe('waitForVersion against a real endpoint', () => {
  it('waits until /api/version reports the new version', async () => {
    let calls = 0;
    const server = createServer((_request, response) => {
      calls += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: calls < 3 ? '1.1.0' : '1.2.0' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/version`;
    try {
      await waitForVersion({ url, jsonPath: 'version', timeoutSeconds: 10, intervalSeconds: 0.1 }, { ctx, version: '1.2.0', log: () => {} });
      expect(calls).toBe(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
