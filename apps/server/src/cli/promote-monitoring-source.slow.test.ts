// Monitoring on a Prometheus that cannot be reached: the baseline is measured before the
// deploy, so the release stops there, production untouched, and says which source failed.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture, remoteRef, shipgateYamlText } from './testing/git-fixture.js';
import { explain, runCli } from './testing/run-cli.js';

/** A port on 127.0.0.1 where nothing listens (it was just released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('promote with an unreachable Prometheus', () => {
  it('fails before production changes and names Prometheus and its URL, not just "connection refused"', async () => {
    const port = await closedPort();
    const fx = makeGitFixture();
    const config = shipgateYamlText().replace(
      'monitoring:\n  enabled: false\n',
      `monitoring:\n  enabled: true\n  window: 20s\n  interval: 5s\n  source:\n    kind: prometheus\n    url: http://127.0.0.1:${port}\n`,
    );
    expect(config).toContain('kind: prometheus');
    writeFileSync(join(fx.app, '.shipgate.yaml'), config);
    git(fx, fx.app, 'commit', '-q', '-am', 'chore: monitor with prometheus');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    const production = remoteRef(fx, 'refs/heads/production');

    const result = await runCli(['promote', '--yes', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    const output = result.stdout + result.stderr;
    expect(result.code, explain(result)).not.toBe(0);
    expect(output).toContain(`could not reach Prometheus at http://127.0.0.1:${port}: connection refused`);
    expect(output).toContain('monitoring.source.url');
    expect(remoteRef(fx, 'refs/heads/production')).toBe(production);
  }, 60_000);
});
