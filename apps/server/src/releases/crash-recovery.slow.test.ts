import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git } from '../testing/git-fixture.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { freePort, startServer as startServerProcess, until } from '../testing/server-process.js';

const children: ChildProcess[] = [];
afterEach(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

const startServer = (options: { dataDir: string; project: string }, port: number) => startServerProcess({ ...options, port, children });

describe('crash safety', () => {
  it('a server SIGKILLed during deploy comes back with the release interrupted; resume lands one commit and one tag', async () => {
    const fx = makeReleaseFixture('  provider: command\n  command: sleep 3');
    const port = await freePort();
    const options = { dataDir: mkdtempSync(join(tmpdir(), 'shipgate-crash-')), project: fx.app };
    const first = await startServer(options, port);
    const id = String((await first.api('/api/projects/acme-web/releases', 'POST')).id);
    expect(id).toMatch(/^rel_/);
    await until(() => first.api(`/api/releases/${id}`), (r) => r.currentStep === 'deploy', 'the deploy step');
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startServer(options, port);
    const interrupted = await second.api(`/api/releases/${id}`);
    expect(interrupted).toMatchObject({ status: 'interrupted', interruptedStep: 'deploy' });
    expect((await second.api(`/api/releases/${id}/resume`, 'POST')).status).toBe('running');
    const done = await until(() => second.api(`/api/releases/${id}`), (r) => !['running', 'interrupted'].includes(String(r.status)), 'the resumed release');
    expect(done).toMatchObject({ status: 'succeeded', version: '2.7.0', tag: 'v2.7.0' });
    const subjects = git(fx.origin, 'log', '--format=%s', 'main').split('\n');
    expect(subjects.filter((s) => s === 'chore(release): v2.7.0')).toHaveLength(1);
    expect(git(fx.origin, 'tag', '-l').split('\n')).toEqual(['v2.6.0', 'v2.7.0']);
    second.child.kill('SIGTERM');
  });

  it('cancel through the API stops a running deploy and rolls back what it may have changed, with the real engine', async () => {
    const marks = mkdtempSync(join(tmpdir(), 'shipgate-api-cancel-'));
    const fx = makeReleaseFixture(`  provider: command\n  command: echo started > ${marks}/started; sleep 20\n  rollbackCommand: echo "$SHIPGATE_ROLLBACK_TO" > ${marks}/rolled-back`);
    const server = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-cancel-')), project: fx.app }, await freePort());
    const id = String((await server.api('/api/projects/acme-web/releases', 'POST')).id);
    await until(async () => existsSync(join(marks, 'started')), (started) => started, 'the deploy command to start');
    await server.api(`/api/releases/${id}/cancel`, 'POST');
    const done = await until(() => server.api(`/api/releases/${id}`), (r) => ['cancelled', 'failed', 'rolled_back', 'succeeded'].includes(String(r.status)), 'the cancelled release');
    expect(done).toMatchObject({ status: 'cancelled' });
    expect(readFileSync(join(marks, 'rolled-back'), 'utf8').trim()).toBe('2.6.0');
    const steps = done.steps as Array<{ name: string; status: string }>;
    expect(steps.find((s) => s.name === 'deploy')?.status).toBe('failed');
    expect(steps.find((s) => s.name === 'rollback')?.status).toBe('succeeded');
    server.child.kill('SIGTERM');
  });
});
