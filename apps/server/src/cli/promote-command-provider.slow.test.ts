// The command provider end to end: the deploy command gets the release in its environment,
// a failing critical check rolls back through the rollback command (SHIPGATE_ROLLBACK_TO),
// the restored version is checked again, and the CLI exits 4.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitMessage, git, makeGitFixture, remoteRef } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

/** Answers 503 while the file says a bad version (2.7.0) is deployed, 200 otherwise (its own process). */
async function versionAwareHealth(file: string, bad: string[] = ['2.7.0']): Promise<{ url: string; close(): void }> {
  const source = `
const fs = require('node:fs');
require('node:http').createServer((req, res) => {
  const deployed = fs.existsSync(${JSON.stringify(file)}) ? fs.readFileSync(${JSON.stringify(file)}, 'utf8').trim() : 'none';
  const bad = ${JSON.stringify(bad)}.includes(deployed);
  res.writeHead(bad ? 503 : 200, { 'content-type': 'application/health+json' });
  res.end(JSON.stringify({ status: bad ? 'fail' : 'pass', version: deployed }));
}).listen(0, '127.0.0.1', function () { process.stdout.write(this.address().port + '\\n'); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${Number(chunk.toString().trim())}/health`, close: () => void child.kill() };
}

describe('the command deploy provider', () => {
  it('rolls a release that fails its health checks back through the rollback command, and exits 4', async () => {
    const deployed = join(mkdtempSync(join(tmpdir(), 'shipgate-deployed-')), 'deployed.txt');
    writeFileSync(deployed, '2.6.0\n');
    const health = await versionAwareHealth(deployed);
    try {
      const fx = makeGitFixture({
        healthUrl: health.url,
        deploy: [
          '  provider: command',
          `  command: echo "deploying $SHIPGATE_TAG ($SHIPGATE_COMMIT) over $SHIPGATE_PREVIOUS_VERSION"; echo "$SHIPGATE_VERSION" > ${deployed}`,
          `  rollbackCommand: echo "restoring $SHIPGATE_ROLLBACK_TO"; echo "$SHIPGATE_ROLLBACK_TO" > ${deployed}`,
          '  timeout: 30s',
          '',
        ].join('\n'),
      });
      const result = await runCli(['promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env });
      const output = result.stdout + result.stderr;
      expect(result.code, explain(result)).toBe(4);
      expect(output).toMatch(/deploying v2\.7\.0 \([0-9a-f]{40}\) over 2\.6\.0/);
      expect(output).toContain('restoring 2.6.0');
      expect(readFileSync(deployed, 'utf8').trim()).toBe('2.6.0');
      expect(remoteRef(fx, 'refs/tags/v2.7.0')).not.toBeNull();
      const state = readFileSync(join(fx.specDir, 'state.yaml'), 'utf8');
      expect(state).toMatch(/rollback_from:\s*["']?v?2\.7\.0/);
      expect(state).toMatch(/rollback_to:\s*["']?v?2\.6\.0/);
      // the production record describes v2.6.0 only: its own tag date, not v2.7.0's
      expect(state).toContain(`tag_created_at: ${git(fx, fx.app, 'for-each-ref', '--format=%(creatordate:iso-strict)', 'refs/tags/v2.6.0')}`);
    } finally {
      health.close();
    }
  }, 90_000);

  it('after a rolled-back release, the next failing release restores the last good one, not the rolled-back one', async () => {
    const deployed = join(mkdtempSync(join(tmpdir(), 'shipgate-deployed-')), 'deployed.txt');
    writeFileSync(deployed, '2.6.0\n');
    const health = await versionAwareHealth(deployed, ['2.7.0', '2.8.0']);
    try {
      const fx = makeGitFixture({
        healthUrl: health.url,
        deploy: ['  provider: command', `  command: echo "$SHIPGATE_VERSION" > ${deployed}`, `  rollbackCommand: echo "restoring $SHIPGATE_ROLLBACK_TO"; echo "$SHIPGATE_ROLLBACK_TO" > ${deployed}`, ''].join('\n'),
      });
      const first = await runCli(['promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env });
      expect(first.code, explain(first)).toBe(4);
      expect(readFileSync(deployed, 'utf8').trim()).toBe('2.6.0');
      commitMessage(fx, 'feat(search): instant results');
      git(fx, fx.app, 'push', '-q', 'origin', 'main');
      const second = await runCli(['promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env });
      expect(second.code, explain(second)).toBe(4);
      expect(second.stdout + second.stderr).toContain('restoring 2.6.0');
      expect(readFileSync(deployed, 'utf8').trim()).toBe('2.6.0');
      expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v2.8.0 to v2.6.0');
    } finally {
      health.close();
    }
  }, 120_000);

  it('marks the monitor step skipped, not pending, when monitoring is on but the release says --no-monitor', async () => {
    const fx = makeGitFixture({ deploy: '  provider: command\n  command: echo deployed\n' });
    const config = join(fx.app, '.shipgate.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('monitoring:\n  enabled: false', 'monitoring:\n  enabled: true\n  source:\n    url: http://127.0.0.1:9/metrics'));
    git(fx, fx.app, 'commit', '-qam', 'chore: monitoring on');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const result = await runCli(['promote', '--yes', '--no-monitor', '--json', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    expect(result.code, explain(result)).toBe(0);
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; step?: string; status?: string });
    expect(events.find((e) => e.type === 'step.finished' && e.step === 'monitor')).toMatchObject({ status: 'skipped' });
  }, 60_000);
});
