// Issue 10 item 9: a REAL 1,000,000-line deploy log (the command provider runs `seq`) through
// the real engine and server. The database and each GET /events answer stay bounded, the
// stored log keeps the head and the tail and says how many lines it dropped, and the pages
// chain through the Link header without a gap.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { makeGitFixture } from '../cli/testing/git-fixture.js';
import { registerProject } from '../projects/register-project.js';
import { asDeployer, DEPLOYER, waitForStatus } from '../testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

const dirBytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

describe('a 1,000,000-line deploy log', () => {
  it('is stored bounded (head, tail and what was dropped), and GET /events pages it in bounded answers', async () => {
    const fx = makeGitFixture({ deploy: '  provider: command\n  command: seq 1 1000000\n  timeout: 300s\n' });
    const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-huge-'));
    app = await buildApp({ dataDir, tokens: { deployer: DEPLOYER }, env: { ...process.env, ...fx.env }, shutdownGraceMs: 200 });
    const { project } = await registerProject(app.services, fx.app);
    const started = await app.inject({ method: 'POST', url: `/api/projects/${project.id}/releases`, headers: asDeployer, payload: { monitor: false } });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json<{ id: string }>().id;
    const done = await waitForStatus(app, id, ['succeeded', 'failed', 'rolled_back'], 240_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');

    const events: Array<{ seq: number; type: string; step?: string; line?: string; dropped?: number }> = [];
    let next: string | null = `/api/releases/${id}/events?after=0&limit=1000`;
    let pages = 0;
    let largest = 0;
    while (next) {
      const res: Awaited<ReturnType<FastifyInstance['inject']>> = await app.inject({ url: next, headers: asDeployer });
      expect(res.statusCode).toBe(200);
      largest = Math.max(largest, res.rawPayload.length);
      events.push(...res.json<typeof events>());
      next = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1] ?? null;
      pages++;
    }
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(pages).toBeGreaterThan(1);
    expect(largest).toBeLessThan(1024 * 1024 + 64 * 1024);
    const deploy = events.filter((e) => e.type === 'step.log' && e.step === 'deploy').map((e) => e.line);
    expect(deploy.length).toBeLessThan(2100);
    expect(deploy).toContain('1');
    expect(deploy).toContain('1000');
    expect(deploy).not.toContain('500000');
    expect(deploy).toContain('999001');
    expect(deploy).toContain('1000000');
    const marker = events.find((e) => e.dropped !== undefined);
    expect(marker).toMatchObject({ dropped: 998_000, line: expect.stringContaining('998,000 lines not stored (lines 1,001–999,000 of 1,000,000)') });
    // in order: head, the drop note, then the tail (the provider's own closing lines may follow)
    const note = deploy.findIndex((l) => l?.includes('lines not stored ('));
    expect(deploy.indexOf('1000')).toBeLessThan(note);
    expect(deploy.indexOf('999001')).toBe(note + 1);
    expect(deploy.indexOf('1000000')).toBe(note + 1000);
    // one unpaged GET is bounded too
    const whole = await app.inject({ url: `/api/releases/${id}/events`, headers: asDeployer });
    expect(whole.rawPayload.length).toBeLessThan(1024 * 1024 + 64 * 1024);
    await app.close();
    app = undefined;
    const bytes = dirBytes(dataDir);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
    console.log(`1,000,000-line deploy: ${events.length} events stored, database ${(bytes / 1024).toFixed(0)} KB, largest page ${(largest / 1024).toFixed(0)} KB`);
  }, 300_000);
});
