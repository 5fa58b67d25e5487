// Ctrl-C during the deploy: the running deploy command is stopped, what it may have changed
// is rolled back through the rollback command, and the CLI says so (CONTRACT §4 cancel, §3.10).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeGitFixture, type GitFixture } from './testing/git-fixture.js';
import { explain, runCli, type CliResult } from './testing/run-cli.js';

/** promote, with SIGINT (Ctrl-C) sent once its output shows marker. */
async function promoteCancelledAt(fx: GitFixture, marker: string, extra: string[] = []): Promise<CliResult & { interrupted: boolean }> {
  let out = '';
  let interrupted = false;
  const result = await runCli(['promote', '--yes', '--no-monitor', ...extra, '--dir', fx.app], {
    cwd: fx.app,
    env: fx.env,
    onStdout: (chunk, child) => {
      out += chunk;
      if (!interrupted && out.includes(marker)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    },
  });
  return { ...result, interrupted };
}

describe('cancelling promote', () => {
  it('stops a running deploy on SIGINT and rolls back what it may have changed', async () => {
    const marks = mkdtempSync(join(tmpdir(), 'shipgate-cancel-'));
    const fx = makeGitFixture({
      deploy: [
        '  provider: command',
        `  command: echo "$SHIPGATE_VERSION" > ${marks}/started; echo deploying; sleep 20; echo "$SHIPGATE_VERSION" > ${marks}/finished`,
        `  rollbackCommand: echo "$SHIPGATE_ROLLBACK_TO" > ${marks}/rolled-back`,
        '',
      ].join('\n'),
    });
    const result = await promoteCancelledAt(fx, 'deploying');
    expect(result.interrupted, explain(result)).toBe(true);
    expect(result.code, explain(result)).toBe(1);
    expect(readFileSync(join(marks, 'started'), 'utf8').trim()).toBe('2.7.0');
    expect(existsSync(join(marks, 'finished'))).toBe(false); // the deploy command was stopped
    expect(readFileSync(join(marks, 'rolled-back'), 'utf8').trim()).toBe('2.6.0');
    expect(result.stdout + result.stderr).toMatch(/cancelled/);
    const journal = JSON.parse(readFileSync(join(fx.app, '.git/shipgate/journal.json'), 'utf8')) as { status: string };
    expect(journal.status).toBe('cancelled');
    expect(git(fx, fx.app, 'status', '--porcelain')).toBe('');
  }, 60_000);

  it('does not claim production still runs the previous release when a cancelled deploy cannot be rolled back', async () => {
    const fx = makeGitFixture({ deploy: '  provider: command\n  command: echo deploying; sleep 20\n' });
    const result = await promoteCancelledAt(fx, 'deploying');
    expect(result.code, explain(result)).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/ROLLBACK FAILED/);
    expect(output).not.toMatch(/production still runs the previous release/);
    expect(output).toMatch(/v2\.7\.0: the deploy was stopped and the rollback failed/);
  }, 60_000);

  it('undoes an unpublished release commit and tag when cancelled before the push', async () => {
    const fx = makeGitFixture();
    const result = await promoteCancelledAt(fx, 'Create annotated tag');
    expect(result.code, explain(result)).toBe(1);
    const tags = git(fx, fx.app, 'tag', '-l');
    const origin = git(fx, fx.origin, 'tag', '-l');
    // either the push had not started (all undone locally) or it completed (resumable): never half
    if (origin.includes('v2.7.0')) {
      expect(tags).toContain('v2.7.0');
    } else {
      expect(tags).toBe('v2.6.0');
      expect(git(fx, fx.app, 'log', '-1', '--format=%s')).not.toBe('chore(release): v2.7.0');
    }
  }, 60_000);

  it('leaves a consistent remote when cancelled right after the push: either resumable or rolled back, never half', async () => {
    const marks = mkdtempSync(join(tmpdir(), 'shipgate-cancel-'));
    const fx = makeGitFixture({
      deploy: [
        '  provider: command',
        `  command: echo deploying; sleep 3; echo "$SHIPGATE_VERSION" > ${marks}/deployed`,
        `  rollbackCommand: echo "$SHIPGATE_ROLLBACK_TO" > ${marks}/rolled-back`,
        '',
      ].join('\n'),
    });
    const first = await promoteCancelledAt(fx, '"type":"step.finished","step":"push"', ['--json']);
    expect(first.interrupted, explain(first)).toBe(true);
    expect(first.code, explain(first)).toBe(1);
    // main and the tag reached the remote together, whatever happened next
    expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'refs/tags/v2.7.0')).toBe('chore(release): v2.7.0');
    expect(existsSync(join(marks, 'deployed'))).toBe(false);
    const journal = JSON.parse(readFileSync(join(fx.app, '.git/shipgate/journal.json'), 'utf8')) as { status: string };
    const again = await runCli(['promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    if (journal.status === 'interrupted') {
      // the signal landed before the deploy began: v2.7.0 waits, and promote deploys it
      expect(first.stdout + first.stderr).toMatch(/v2\.7\.0 is pushed but not deployed|Run shipgate promote to deploy v2\.7\.0/);
      expect(again.code, explain(again)).toBe(0);
      expect(readFileSync(join(marks, 'deployed'), 'utf8').trim()).toBe('2.7.0');
    } else {
      // the deploy had begun: it was stopped and rolled back, and v2.7.0 is not deployed again
      expect(journal.status).toBe('cancelled');
      expect(readFileSync(join(marks, 'rolled-back'), 'utf8').trim()).toBe('2.6.0');
      expect(git(fx, fx.origin, 'log', '-1', '--format=%s', 'main')).toBe('docs(ship): roll back v2.7.0 to v2.6.0');
      expect(again.code, explain(again)).toBe(3);
      expect(existsSync(join(marks, 'deployed'))).toBe(false);
    }
  }, 60_000);
});
