// The dashboard and the CLI agree (issue 11): for the same remote state, the server's plan
// (GET /api/projects/:id/plan, made in the server's own clone) and `shipgate plan --json` on a
// fresh clone give the same version, blockers and actions. Every blocker names the action that
// clears it; where that action is a promote, the dashboard's button does it (the same body).
// Real server (real engine), real CLI process, real git with a bare remote.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDto, ReleaseDto } from '@shipgate/contract';
import { buildApp } from '../app.js';
import { commitMessage, git, makeGitFixture, remoteRef, type GitFixture } from '../cli/testing/git-fixture.js';
import { startHealthServer, type HealthServer } from '../cli/testing/health-server.js';
import { explain, runCli } from '../cli/testing/run-cli.js';
import { DEPLOYER, VIEWER } from '../testing/test-app.js';

/** What both sides must agree on. */
function essence(plan: PlanDto) {
  return {
    currentVersion: plan.currentVersion,
    nextVersion: plan.nextVersion,
    tag: plan.tag,
    blocked: plan.blocked,
    blockers: plan.blockers,
    actions: plan.blockedBy.map((b) => ({ source: b.source, ...b.action })),
    gates: plan.gates.map((g) => `${g.id}:${g.status}`),
    production: plan.production && { version: plan.production.version, tag: plan.production.tag, commit: plan.production.commit },
  };
}

describe('the dashboard plan and `shipgate plan` on a fresh clone', () => {
  let fx: GitFixture;
  let health: HealthServer;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  const headers = { authorization: `Bearer ${DEPLOYER}`, 'content-type': 'application/json' };
  const api = async <T>(path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const until = async (id: string): Promise<ReleaseDto> => {
    for (let i = 0; i < 600; i++) {
      const { body } = await api<ReleaseDto>(`/api/releases/${id}`);
      if (['succeeded', 'failed', 'rolled_back', 'cancelled', 'interrupted'].includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`release ${id} did not finish`);
  };
  /** `shipgate plan --json` in a fresh clone of the remote. */
  const cliPlan = async (): Promise<PlanDto> => {
    const dir = join(mkdtempSync(join(tmpdir(), 'shipgate-fresh-')), 'app');
    git(fx, fx.root, 'clone', '-q', fx.origin, dir);
    const result = await runCli(['plan', '--json', '--dir', dir], { cwd: dir, env: fx.env });
    expect([0, 3], explain(result)).toContain(result.code); // 3: blocked
    return JSON.parse(result.stdout) as PlanDto;
  };
  const serverPlan = async (): Promise<PlanDto> => (await api<PlanDto>('/api/projects/acme-web/plan')).body;

  beforeAll(async () => {
    health = await startHealthServer();
    fx = makeGitFixture({ healthUrl: health.url });
    app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-parity-')), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: fx.env });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await api('/api/projects', { dir: fx.app })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await health?.close();
  });

  it('agree before a release, after it (nothing to release), and with a stray tag in the way; the actions clear the blockers', { timeout: 240_000 }, async () => {
    // 1. ready: 2.6.0 → 2.7.0
    const ready = await serverPlan();
    expect(essence(ready)).toEqual(essence(await cliPlan()));
    expect(ready).toMatchObject({ nextVersion: '2.7.0', blocked: false, blockedBy: [] });

    const released = await api<ReleaseDto>('/api/projects/acme-web/releases', { monitor: false });
    expect(released.status).toBe(202);
    expect(await until(released.body.id)).toMatchObject({ status: 'succeeded', version: '2.7.0', previousVersion: '2.6.0' });

    // 2. nothing to release: both blocked, the action is "release anyway as a patch", a promote the dashboard offers
    const nothing = await serverPlan();
    expect(essence(nothing)).toEqual(essence(await cliPlan()));
    expect(nothing.blockedBy).toEqual([
      expect.objectContaining({ source: 'version', message: expect.stringMatching(/^Nothing to release/), action: expect.objectContaining({ id: 'release-anyway', cli: 'shipgate promote --bump patch', promote: { bump: 'patch' } }) }),
    ]);
    expect(nothing.production).toMatchObject({ version: '2.7.0', tag: 'v2.7.0' });
    // the user's own checkout is behind the remote (the server pushed the release): there the CLI says so, and how to clear it
    const stale = await runCli(['plan', '--json', '--dir', fx.app], { cwd: fx.app, env: fx.env });
    const stalePlan = JSON.parse(stale.stdout) as PlanDto;
    expect(stalePlan.blockedBy.map((b) => b.action.id)).toContain('pull');
    expect(stalePlan.blockedBy.find((b) => b.action.id === 'pull')?.action.cli).toBe('git pull --rebase');

    // 3. a feature, and a stray v2.8.0 tag someone pushed by hand: both blocked on the tag; the action releases 2.8.1
    git(fx, fx.app, 'pull', '-q', '--rebase', 'origin', 'main');
    commitMessage(fx, 'feat(search): instant results');
    git(fx, fx.app, 'push', '-q', 'origin', 'main');
    git(fx, fx.app, 'tag', '-a', 'v2.8.0', '-m', 'stray', 'HEAD~1');
    git(fx, fx.app, 'push', '-q', 'origin', 'refs/tags/v2.8.0');
    const stray = await serverPlan();
    expect(essence(stray)).toEqual(essence(await cliPlan()));
    expect(stray.blockedBy).toEqual([expect.objectContaining({ source: 'tag', action: expect.objectContaining({ id: 'bump-past-tag', cli: 'shipgate promote --bump 2.8.1', promote: { bump: '2.8.1' } }) })]);

    // the dashboard's button sends the action's promote options: it clears the blocker
    const past = await api<ReleaseDto>('/api/projects/acme-web/releases', { ...stray.blockedBy[0]!.action.promote, monitor: false });
    expect(past.status).toBe(202);
    expect(await until(past.body.id)).toMatchObject({ status: 'succeeded', version: '2.8.1', previousVersion: '2.7.0' });
    expect(remoteRef(fx, 'refs/heads/production')).toBe(remoteRef(fx, 'refs/tags/v2.8.1^{commit}'));
    const after = await serverPlan();
    expect(essence(after)).toEqual(essence(await cliPlan()));
    expect(after.production).toMatchObject({ version: '2.8.1', tag: 'v2.8.1' });
  });
});
