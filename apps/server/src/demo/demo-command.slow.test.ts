// `shipgate demo` when it cannot run: a dashboard port already taken ends the command (the demo
// service does not keep running alone), and a sandbox a running demo uses is never rebuilt.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, runCli } from '../cli/testing/run-cli.js';
import { buildSandbox } from './build-sandbox.js';

async function takenPort(): Promise<{ port: number; close(): void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

describe('shipgate demo', () => {
  it('ends with the reason when the dashboard port is taken, stopping the demo service it started', { timeout: 60_000 }, async () => {
    const taken = await takenPort();
    const free = await takenPort();
    free.close(); // a port for the demo service
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-demo-'));
      const r = await runCli(['demo', '--port', String(taken.port), '--service-port', String(free.port), '--data-dir', dataDir], { cwd: dataDir, env: { PATH: process.env.PATH ?? '', HOME: dataDir }, timeoutMs: 30_000 });
      expect(r.code, explain(r)).not.toBe(0);
      expect(r.signal, explain(r)).toBeNull(); // it ended by itself (before the fix it hung with the service running)
      expect(r.stdout + r.stderr).toMatch(/EADDRINUSE|in use/i);
    } finally {
      taken.close();
    }
  });

  it('refuses to rebuild a sandbox that a running demo uses', () => {
    const root = mkdtempSync(join(tmpdir(), 'shipgate-sandbox-'));
    buildSandbox({ root, servicePort: 4401 });
    const other = spawn('sleep', ['30']);
    try {
      mkdirSync(join(root, 'data'), { recursive: true }); // the server makes it when it starts
      writeFileSync(join(root, 'data', 'server.pid'), `${other.pid}\n`);
      expect(() => buildSandbox({ root, servicePort: 4999 })).toThrow(`a demo (pid ${other.pid}) is running from ${root}`);
      expect(existsSync(join(root, 'app', '.git'))).toBe(true); // nothing was wiped
    } finally {
      other.kill();
    }
  });
});
