// A release after a rolled-back one: production still runs the release before the rolled-back
// one (2.6.0), not the newest tag (v2.7.0). When the next release (2.8.0) is rolled back too,
// production must go back to what it really ran — 2.6.0 — and its health checks must expect
// 2.6.0, not the rolled-back 2.7.0 (which would fail them and report a failed rollback).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commitMessage, git, makeGitFixture, remoteRef } from '../cli/testing/git-fixture.js';
import { explain, runCli } from '../cli/testing/run-cli.js';

/** Serves the version on origin's production branch; 503 for the faulty versions. */
async function productionHealth(origin: string, env: Record<string, string>): Promise<{ url: string; close(): void }> {
  const source = `
const { execFileSync } = require('node:child_process');
require('node:http').createServer((req, res) => {
  const pkg = execFileSync('git', ['--git-dir', ${JSON.stringify(origin)}, 'show', 'production:package.json'], { encoding: 'utf8' });
  const version = JSON.parse(pkg).version;
  const bad = version === '2.7.0' || version === '2.8.0';
  res.writeHead(bad ? 503 : 200, { 'content-type': 'application/health+json' });
  res.end(JSON.stringify({ status: bad ? 'fail' : 'pass', version }));
}).listen(0, '127.0.0.1', function () { process.stdout.write(this.address().port + '\\n'); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${Number(chunk.toString().trim())}/health`, close: () => void child.kill() };
}

describe('a rollback after an earlier rollback', () => {
  it('returns production to the release it really ran before, and checks that version', async () => {
    const fx = makeGitFixture();
    const health = await productionHealth(fx.origin, fx.env);
    try {
      const check = `health:\n  checks:\n    - name: api-health\n      url: ${health.url}\n      json: { version: "{{version}}" }\n      timeout: 1s\n      interval: 0.2s\n      failureThreshold: 2\n      deadline: 3s\n`;
      const config = `${fx.app}/.shipgate.yaml`;
      writeFileSync(config, readFileSync(config, 'utf8').replace('monitoring:', `${check}monitoring:`));
      git(fx, fx.app, 'commit', '-qam', 'chore: version-aware health check');
      git(fx, fx.app, 'push', '-q', 'origin', 'main');
      const v260 = remoteRef(fx, 'refs/tags/v2.6.0^{commit}');

      const first = await runCli(['promote', '--yes', '--dir', fx.app], { cwd: fx.app, env: fx.env });
      expect(first.code, explain(first)).toBe(4);
      expect(remoteRef(fx, 'refs/heads/production')).toBe(v260);

      git(fx, fx.app, 'pull', '-q', '--rebase', 'origin', 'main');
      commitMessage(fx, 'feat(orders): bulk export');
      git(fx, fx.app, 'push', '-q', 'origin', 'main');
      const second = await runCli(['promote', '--yes', '--dir', fx.app], { cwd: fx.app, env: fx.env });
      const output = second.stdout + second.stderr;
      expect(output).toMatch(/v2\.8\.0/);
      expect(second.code, explain(second)).toBe(4);
      expect(output).not.toMatch(/ROLLBACK FAILED/);
      expect(output).toMatch(/health checks pass on v2\.6\.0/);
      expect(remoteRef(fx, 'refs/heads/production')).toBe(v260);
      const state = readFileSync(`${fx.specDir}/state.yaml`, 'utf8');
      expect(state).toMatch(/rollback_to:\s*["']?v?2\.6\.0/);
    } finally {
      health.close();
    }
  }, 120_000);
});
