// Approvals (CONTRACT §7) with the REAL engine on a real git fixture (bare origin, git-branch
// deploy): a promote waits in awaiting_approval holding the project; the requester cannot
// approve (403 self_approval), nobody counts twice (409 already_approved); a named token and
// a person are distinct actors; the N-th approval starts the release, which pushes, deploys
// and reports who approved. When main moves before the last approval, the approvals stop
// counting and the release is planned again. Reject ends it `rejected` and frees the project.
// Every refusal asserts nothing changed: no approval, no status move, no push, no audit entry.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { registerProject } from '../projects/register-project.js';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import { git, type GitFixture } from '../testing/git-fixture.js';
import { startHookReceiver } from '../testing/hook-receiver.js';
import { personSession } from '../testing/person-session.js';
import { makeReleaseFixture } from '../testing/release-fixture.js';
import { asDeployer, asViewer, DEPLOYER, VIEWER, waitForStatus } from '../testing/test-app.js';

const CI_TOKEN = 'ci-bot-token-0123456789abcdef';
const asBot = { authorization: `Bearer ${CI_TOKEN}` };
const HOOK_SECRET = 'hook-secret-0123456789abcdef';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface World {
  app: FastifyInstance;
  fx: GitFixture;
  projectId: string;
  bob: Record<string, string>;
  ann: Record<string, string>;
  /** The refs origin holds (tags and branches), to prove nothing was pushed. */
  originRefs(): string;
}

async function world(approvals: string, options: { fx?: GitFixture; dataDir?: string } = {}): Promise<World> {
  const fx = options.fx ?? makeReleaseFixture('  provider: git-branch\n  branch: production');
  const settings = parseServerSettings(
    `auth:\n  tokens:\n    - { name: ci-bot, role: deployer, tokenEnv: CI_TOKEN }\n  roles:\n    - { match: "group:admins", role: admin }\n    - { match: "email:*@acme.example", role: deployer }\n${approvals}`,
    'server.yaml',
    { CI_TOKEN, HOOK_SECRET },
  );
  app = await buildApp({ dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'shipgate-approvals-')), tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 500, settings });
  const { project } = await registerProject(app.services, fx.app);
  const as = (cookie: string) => ({ cookie, origin: 'http://localhost', host: 'localhost' });
  const bob = as(await personSession(app, { id: 'oidc:bob', name: 'Bob Builder', email: 'bob@acme.example', groups: [] }));
  const ann = as(await personSession(app, { id: 'oidc:ann', name: 'Ann Operator', email: 'ann@acme.example', groups: [] }));
  return { app, fx, projectId: project.id, bob, ann, originRefs: () => git(fx.origin, 'show-ref') };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const promote = (w: World, headers: Record<string, string>) => w.app.inject({ method: 'POST', url: `/api/projects/${w.projectId}/releases`, headers, payload: {} });
const approve = (w: World, id: string, headers: Record<string, string>, payload: object = {}) => w.app.inject({ method: 'POST', url: `/api/releases/${id}/approve`, headers, payload });
const reject = (w: World, id: string, headers: Record<string, string>, payload: object) => w.app.inject({ method: 'POST', url: `/api/releases/${id}/reject`, headers, payload });
const get = async (w: World, id: string, headers: Record<string, string> = asDeployer): Promise<Json> => (await w.app.inject({ url: `/api/releases/${id}`, headers })).json();
const audit = async (w: World): Promise<Array<[string, string]>> => (await w.app.inject({ url: `/api/audit?project=${w.projectId}`, headers: asDeployer })).json().items.map((e: Json) => [e.actor, e.action]);

/** Pushes one more feat commit to origin's main from the person's checkout (main moves). */
function moveMain(fx: GitFixture): string {
  writeFileSync(join(fx.app, 'orders.txt'), 'bulk export\n');
  git(fx.app, 'add', '-A');
  git(fx.app, 'commit', '-q', '-m', 'feat(orders): bulk export');
  git(fx.app, 'push', '-q', 'origin', 'main');
  return git(fx.app, 'rev-parse', 'HEAD');
}

describe('approvals', () => {
  it('a promote waits for 2 approvals by people other than the requester; the second starts the release, which runs and reports who approved', { timeout: 120_000 }, async () => {
    const w = await world('approvals: { required: 2 }\n');
    const refsBefore = w.originRefs();
    const head = git(w.fx.origin, 'rev-parse', 'main');

    expect((await w.app.inject({ url: `/api/projects/${w.projectId}`, headers: w.bob })).json()).toMatchObject({ approvalsRequired: 2 });
    const promoted = await promote(w, w.bob);
    expect(promoted.statusCode, promoted.body).toBe(202);
    const release = promoted.json<Json>();
    expect(release).toMatchObject({ status: 'awaiting_approval', actor: 'Bob Builder', actorId: 'oidc:bob', version: '2.7.0', tag: 'v2.7.0', actions: ['cancel'] });
    expect(release.approval).toEqual({
      required: 2,
      commit: head,
      approvals: [],
      stillNeeded: 2,
      void: [],
      replanned: null,
      rejection: null,
      refusals: { approve: 'you requested this release; someone else must approve', reject: 'you requested this release; cancel it to withdraw it, someone else may reject it' },
    });
    // others see approve and reject; a viewer sees neither, with the reason
    expect((await get(w, release.id, w.ann)).actions).toEqual(['approve', 'reject', 'cancel']);
    const asSeenByViewer = await get(w, release.id, asViewer);
    expect(asSeenByViewer.actions).toEqual([]);
    expect(asSeenByViewer.approval.refusals.approve).toMatch(/viewers cannot approve/);
    // the release holds the project's one slot: a second promote is refused and nothing ran
    const second = await promote(w, w.ann);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: 'release_in_progress', releaseId: release.id });
    expect(w.originRefs()).toBe(refsBefore);

    // the requester may not approve nor reject: 403, nothing recorded
    const self = await approve(w, release.id, w.bob);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: 'self_approval' });
    expect((await reject(w, release.id, w.bob, { reason: 'changed my mind' })).json()).toMatchObject({ error: 'self_approval' });
    // a personal API token acts as its owner: still the requester
    const minted = await w.app.inject({ method: 'POST', url: '/api/tokens', headers: w.bob, payload: { name: 'bob-laptop' } });
    expect(minted.statusCode, minted.body).toBe(201);
    const viaToken = await approve(w, release.id, { authorization: `Bearer ${minted.json().token}` });
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json()).toMatchObject({ error: 'self_approval' });
    expect((await get(w, release.id)).approval.approvals).toEqual([]);

    // the first approval counts, the release keeps waiting
    const first = await approve(w, release.id, w.ann, { comment: '  checked   the export on staging ' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'awaiting_approval', actions: ['reject', 'cancel'], approval: { stillNeeded: 1, refusals: { approve: 'you approved this release already; someone else must give the next approval' } } });
    expect(first.json().approval.approvals).toEqual([{ actor: 'Ann Operator', actorId: 'oidc:ann', at: expect.any(String), commit: head, version: '2.7.0', comment: 'checked the export on staging' }]);

    // the same person twice: 409, still one approval
    const twice = await approve(w, release.id, w.ann);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'already_approved' });
    expect((await get(w, release.id)).approval.approvals).toHaveLength(1);
    expect(w.originRefs()).toBe(refsBefore);
    expect(await audit(w)).toEqual([
      ['Ann Operator', 'approve'],
      ['Bob Builder', 'promote'],
    ]);

    // a named token is its own actor: its approval is the second, and the release starts
    const last = await approve(w, release.id, asBot);
    expect(last.statusCode, last.body).toBe(200);
    expect(['queued', 'running']).toContain(last.json().status);
    const done = await waitForStatus(w.app, release.id, ['succeeded', 'failed'], 60_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(git(w.fx.origin, 'tag', '--list', 'v2.7.0')).toBe('v2.7.0');
    expect(git(w.fx.origin, 'rev-parse', 'production')).toBe(git(w.fx.origin, 'rev-parse', 'v2.7.0^{commit}'));
    // the release commit sits right on the commit the approvals were for
    expect(git(w.fx.origin, 'rev-parse', 'v2.7.0^{commit}^')).toBe(head);

    const report = (await w.app.inject({ url: `/api/releases/${release.id}/report`, headers: asDeployer })).body;
    expect(report).toContain('- **Released by**: Bob Builder\n');
    expect(report).toContain('- **Approved by**: Ann Operator, ci-bot\n');
    expect(report).toContain(`- Ann Operator approved v2.7.0 at \`${head.slice(0, 12)}\``);
    expect(report).toContain('“checked the export on staging”');
    const ended = await get(w, release.id);
    expect(ended.approval).toMatchObject({ stillNeeded: 0, refusals: {} });
    expect(ended.approval.approvals.map((a: Json) => a.actorId)).toEqual(['oidc:ann', 'token:ci-bot']);

    // once it started, approving answers 409 not_awaiting_approval and records nothing
    const late = await approve(w, release.id, asDeployer);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: 'not_awaiting_approval' });
    expect(await audit(w)).toEqual([
      ['ci-bot', 'approve'],
      ['Ann Operator', 'approve'],
      ['Bob Builder', 'promote'],
    ]);
  });

  it('when main moves before the last approval, the approvals stop counting, the release is planned again and says so', { timeout: 120_000 }, async () => {
    const w = await world('approvals: { required: 2 }\n');
    const planned = git(w.fx.origin, 'rev-parse', 'main');
    const release = (await promote(w, w.bob)).json<Json>();
    expect((await approve(w, release.id, w.ann, { comment: 'ok' })).statusCode).toBe(200);

    const moved = moveMain(w.fx);
    const refsBefore = w.originRefs();
    const refused = await approve(w, release.id, asBot);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'plan_changed', releaseId: release.id, commit: moved, version: '2.7.0' });
    expect(refused.json().message).toContain(`main moved from ${planned.slice(0, 12)} to ${moved.slice(0, 12)} before the last approval`);
    // the release says so: still waiting, for the new commit, with Ann's approval void
    const now = await get(w, release.id, w.ann);
    expect(now.status).toBe('awaiting_approval');
    expect(now.approval).toMatchObject({ commit: moved, approvals: [], stillNeeded: 2 });
    expect(now.approval.void).toEqual([{ actor: 'Ann Operator', actorId: 'oidc:ann', at: expect.any(String), commit: planned, version: '2.7.0', comment: 'ok', reason: `main moved from ${planned.slice(0, 12)} to ${moved.slice(0, 12)} before the last approval` }]);
    expect(now.approval.replanned).toMatch(/planned again \(2\.7\.0 → 2\.7\.0\); the approval by Ann Operator no longer counts; 2 approvals needed for/);
    expect(now.actions).toEqual(['approve', 'reject', 'cancel']); // Ann may approve again
    const events = (await w.app.inject({ url: `/api/releases/${release.id}/events`, headers: asDeployer })).json<Json[]>();
    expect(events.at(-1)).toMatchObject({ type: 'release.status', status: 'awaiting_approval', reason: expect.stringContaining('no longer count') });
    expect(w.originRefs()).toBe(refsBefore); // nothing pushed

    // approvals for the new commit count; the second starts the release from it
    expect((await approve(w, release.id, w.ann)).statusCode).toBe(200);
    expect((await approve(w, release.id, asBot)).statusCode).toBe(200);
    const done = await waitForStatus(w.app, release.id, ['succeeded', 'failed'], 60_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(git(w.fx.origin, 'rev-parse', 'v2.7.0^{commit}^')).toBe(moved);
    const report = (await w.app.inject({ url: `/api/releases/${release.id}/report`, headers: asDeployer })).body;
    expect(report).toContain('- **Approved by**: Ann Operator, ci-bot\n');
    expect(report).toContain(`- ~~Ann Operator approved v2.7.0 at \`${planned.slice(0, 12)}\``);
    expect(await audit(w)).toEqual([
      ['ci-bot', 'approve'],
      ['Ann Operator', 'approve'],
      ['ci-bot', 'approvals_void'],
      ['Ann Operator', 'approve'],
      ['Bob Builder', 'promote'],
    ]);
  });

  it('reject ends the release rejected with the reason and frees the project; the requester cancels; bad bodies and viewers are refused; approvers are notified', { timeout: 120_000 }, async () => {
    const receiver = await startHookReceiver({ secret: HOOK_SECRET });
    const guardrails = `approvals: { required: 1 }\nnotifications:\n  - { kind: webhook, name: approvers, url: "${receiver.url()}", secretEnv: HOOK_SECRET }\n`;
    const w = await world(guardrails);
    const refsBefore = w.originRefs();
    const release = (await promote(w, w.bob)).json<Json>();

    for (const payload of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }, { reason: 'ok', extra: true }, { reason: 'x'.repeat(2001) }]) {
      expect((await reject(w, release.id, w.ann, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await approve(w, release.id, w.ann, { comment: 'ok', extra: 1 })).statusCode).toBe(400);
    expect((await approve(w, release.id, asViewer)).statusCode).toBe(403);
    expect((await reject(w, release.id, asViewer, { reason: 'no' })).statusCode).toBe(403);
    expect((await approve(w, 'rel_nope', w.ann)).statusCode).toBe(404);
    expect((await get(w, release.id)).status).toBe('awaiting_approval');

    // waiting survives a restart of the server (nothing was running)
    const dataDir = w.app.services.dataDir;
    await w.app.close();
    const again = await world(guardrails, { fx: w.fx, dataDir });
    expect((await get(again, release.id)).status).toBe('awaiting_approval');

    const rejected = await reject(again, release.id, again.ann, { reason: '  the export breaks  big orders ' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: 'the export breaks big orders', actions: [], finishedAt: expect.any(String), approval: { stillNeeded: 0, rejection: { actor: 'Ann Operator', comment: 'the export breaks big orders' } } });
    expect((await approve(again, release.id, asBot)).json()).toMatchObject({ error: 'not_awaiting_approval' });
    expect((await reject(again, release.id, asBot, { reason: 'again' })).json()).toMatchObject({ error: 'not_awaiting_approval' });
    expect(again.originRefs()).toBe(refsBefore);

    // the slot is free: the next promote waits again, and its requester withdraws it with cancel
    const next = await promote(again, again.bob);
    expect(next.statusCode).toBe(202);
    const cancelled = await again.app.inject({ method: 'POST', url: `/api/releases/${next.json().id}/cancel`, headers: again.bob, payload: { reason: 'wrong day' } });
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    expect((await get(again, next.json().id)).status).toBe('cancelled');
    expect(again.originRefs()).toBe(refsBefore);
    // a real receiver got, signed: the request (with the requester and why), the rejection (with the reason), the cancel
    const hooks = await receiver.waitFor(4);
    await receiver.close();
    const got: Json[] = hooks.map((h) => ({ signed: h.signed, event: h.headers['x-shipgate-event'], ...(JSON.parse(h.body) as Json) }));
    expect(got.map((h) => [h.event, h.type, h.release?.id, h.signed])).toEqual([
      ['release.awaiting_approval', 'release.awaiting_approval', release.id, true],
      ['release.rejected', 'release.rejected', release.id, true],
      ['release.awaiting_approval', 'release.awaiting_approval', next.json().id, true],
      ['release.cancelled', 'release.cancelled', next.json().id, true],
    ]);
    expect(JSON.stringify(got[1])).toContain('the export breaks big orders');
    expect(await audit(again)).toEqual([
      ['Bob Builder', 'cancel'],
      ['Bob Builder', 'promote'],
      ['Ann Operator', 'reject'],
      ['Bob Builder', 'promote'],
    ]);
  });

  it('a project whose settings need no approvals starts at once, and so does a dry run; approving such a release is refused', { timeout: 120_000 }, async () => {
    const w = await world('approvals: { required: 2 }\nprojects:\n  acme-web: { approvals: { required: 0 } }\n');
    const promoted = await promote(w, w.bob);
    expect(promoted.statusCode).toBe(202);
    expect(promoted.json()).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), approval: null });
    expect((await w.app.inject({ url: `/api/projects/${w.projectId}`, headers: w.bob })).json()).toMatchObject({ approvalsRequired: 0 });
    const refused = await approve(w, promoted.json().id, w.ann);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'not_awaiting_approval' });
    expect((await waitForStatus(w.app, promoted.json().id, ['succeeded', 'failed'], 60_000)).status).toBe('succeeded');
    await w.app.close();

    const strict = await world('approvals: { required: 2 }\n');
    const dry = await strict.app.inject({ method: 'POST', url: `/api/projects/${strict.projectId}/releases`, headers: strict.bob, payload: { dryRun: true } });
    expect(dry.statusCode).toBe(202);
    expect(dry.json()).toMatchObject({ dryRun: true, approval: null });
    expect(dry.json().status).not.toBe('awaiting_approval');
  });
  it('the approval that would start the release is refused while the project is locked (423, nothing recorded); approved again after, it starts', { timeout: 120_000 }, async () => {
    const w = await world('approvals: { required: 1 }\n');
    const refsBefore = w.originRefs();
    const requested = await promote(w, w.bob);
    expect(requested.statusCode, requested.body).toBe(202);
    const id = requested.json().id;
    // locked after the request (an automatic rollback elsewhere, a person)
    expect((await w.app.inject({ method: 'POST', url: `/api/projects/${w.projectId}/lock`, headers: w.ann, payload: { reason: 'incident INC-7 under way' } })).statusCode).toBe(200);
    const auditBefore = await audit(w);
    const refused = await approve(w, id, w.ann);
    expect(refused.statusCode, refused.body).toBe(423);
    expect(refused.json()).toMatchObject({ error: 'locked', lock: { reason: 'incident INC-7 under way', by: 'Ann Operator' } });
    expect(refused.json().message).toMatch(/this approval would start the release, so it is not recorded: approve again once the project is unlocked/);
    // nothing recorded, nothing started, nothing pushed
    const waiting = await get(w, id);
    expect(waiting).toMatchObject({ status: 'awaiting_approval' });
    expect(waiting.approval.approvals).toEqual([]);
    expect(await audit(w)).toEqual(auditBefore);
    expect(w.originRefs()).toBe(refsBefore);

    expect((await w.app.inject({ method: 'DELETE', url: `/api/projects/${w.projectId}/lock`, headers: w.ann })).statusCode).toBe(200);
    const approved = await approve(w, id, w.ann);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await waitForStatus(w.app, id, ['succeeded', 'failed'], 60_000)).status).toBe('succeeded');

    // a release awaiting approval holds the project: a rollback is refused with what to do about it
    git(w.fx.app, 'pull', '-q', '--rebase', 'origin', 'main');
    moveMain(w.fx);
    const next = await promote(w, w.bob);
    expect(next.statusCode, next.body).toBe(202);
    const production = git(w.fx.origin, 'rev-parse', 'production');
    const blocked = await w.app.inject({ method: 'POST', url: `/api/releases/${id}/rollback`, headers: w.ann, payload: { reason: 'checkout errors' } });
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json()).toMatchObject({ error: 'release_in_progress', releaseId: next.json().id });
    expect(blocked.json().message).toBe(
      `another release of this project is active: the release of v2.8.0 (${next.json().id}) is awaiting approval; cancel it first (Cancel on its page, or POST /api/releases/${next.json().id}/cancel), then try again`,
    );
    expect(git(w.fx.origin, 'rev-parse', 'production')).toBe(production);
    expect((await get(w, next.json().id)).status).toBe('awaiting_approval');
  });

  it('a freeze that began after the request refuses the starting approval; a request an admin made with an override of that freeze may start', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-approvals-freeze-'));
    const first = await world('approvals: { required: 1 }\n', { dataDir });
    const requested = await promote(first, first.bob);
    expect(requested.statusCode, requested.body).toBe(202);
    const id = requested.json().id;
    await first.app.close();
    // the server starts again with a freeze that is on now (settings change with a restart)
    const now = Date.now();
    const freeze = `freezes:\n  - { name: release-week, from: ${new Date(now - 60_000).toISOString()}, to: ${new Date(now + 3_600_000).toISOString()} }\n`;
    const w = await world(`approvals: { required: 1 }\n${freeze}`, { dataDir, fx: first.fx });
    const refsBefore = w.originRefs();
    const auditBefore = await audit(w);
    const refused = await approve(w, id, w.ann);
    expect(refused.statusCode, refused.body).toBe(423);
    expect(refused.json()).toMatchObject({ error: 'frozen', freeze: 'release-week' });
    expect(refused.json().message).toMatch(/approve again after the freeze/);
    expect((await get(w, id)).approval.approvals).toEqual([]);
    expect(await audit(w)).toEqual(auditBefore);
    expect(w.originRefs()).toBe(refsBefore);
    // the requester withdraws it; an admin asks again overriding the freeze, and that request's approval starts it
    expect((await w.app.inject({ method: 'POST', url: `/api/releases/${id}/cancel`, headers: w.bob, payload: {} })).statusCode).toBe(202);
    await waitForStatus(w.app, id, ['cancelled']);
    const carl = { cookie: await personSession(w.app, { id: 'oidc:carl', name: 'Carl Admin', email: 'carl@acme.example', groups: ['admins'] }), origin: 'http://localhost', host: 'localhost' };
    const overridden = await w.app.inject({ method: 'POST', url: `/api/projects/${w.projectId}/releases`, headers: carl, payload: { override: { reason: 'hotfix for INC-9' } } });
    expect(overridden.statusCode, overridden.body).toBe(202);
    expect(overridden.json().status).toBe('awaiting_approval');
    const approved = await approve(w, overridden.json().id, w.ann);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await waitForStatus(w.app, overridden.json().id, ['succeeded', 'failed'], 60_000)).status).toBe('succeeded');
  });
});
