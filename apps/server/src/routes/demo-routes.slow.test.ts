import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { buildSandbox, sandboxGit } from '../demo/build-sandbox.js';
import { fixTheFault } from '../demo/fix-the-fault.js';
import { makeFaultyRelease } from '../demo/make-faulty-release.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { asDeployer, asViewer, DEPLOYER, VIEWER } from '../testing/test-app.js';

async function demoApp(withDemo: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-demo-routes-'));
  const sandbox = buildSandbox({ root: join(root, 'sandbox'), servicePort: 4999 });
  const app = await buildApp({
    dataDir: join(root, 'data'),
    engine: new FakeEngine(),
    tokens: { deployer: DEPLOYER, viewer: VIEWER },
    env: {},
    ...(withDemo ? { demo: { makeFaultyRelease: (kind) => makeFaultyRelease(sandbox.app, kind), fixTheFault: () => fixTheFault(sandbox.app) } } : {}),
  });
  return { app, sandbox };
}

describe('demo routes', () => {
  it('commit a fault file to the sandbox app and push it, for the deployer only', async () => {
    const { app, sandbox } = await demoApp(true);
    try {
      expect((await app.inject({ url: '/api/demo', headers: asViewer })).json()).toMatchObject({ enabled: true });
      expect((await app.inject({ method: 'POST', url: '/api/demo/faulty-release', headers: asViewer, payload: {} })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/demo/faulty-release', headers: asDeployer, payload: { kind: 'nonsense' } })).statusCode).toBe(400);
      const answer = await app.inject({ method: 'POST', url: '/api/demo/faulty-release', headers: asDeployer, payload: { kind: 'latency' } });
      expect(answer.statusCode).toBe(201);
      const { commit } = answer.json<{ commit: string }>();
      expect(sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/main')).toBe(commit);
      const faults = JSON.parse(sandboxGit(sandbox.origin, 'show', `${commit}:demo-faults.json`)) as { extraLatencyMs: number };
      expect(faults.extraLatencyMs).toBeGreaterThan(0);
      expect(readFileSync(join(sandbox.app, 'CHANGELOG.md'), 'utf8')).toMatch(/## \[Unreleased\]\n\n### Added\n\n- Recommendations/);
    } finally {
      await app.close();
    }
  });

  it('"Fix the fault" commits the fix and pushes it, for the deployer only', async () => {
    const { app, sandbox } = await demoApp(true);
    try {
      const fix = (headers: Record<string, string>, payload?: Record<string, string>) => app.inject({ method: 'POST', url: '/api/demo/fix-fault', headers, ...(payload === undefined ? {} : { payload }) });
      // nothing to fix yet: a clear 409, and nothing is committed
      const before = sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/main');
      const nothing = await fix(asDeployer);
      expect(nothing.statusCode).toBe(409);
      expect(nothing.json()).toMatchObject({ error: 'no_fault', message: expect.stringMatching(/make the next release faulty first/) });
      expect(sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/main')).toBe(before);

      const { commit: faulty } = makeFaultyRelease(sandbox.app, 'errors');
      // deny by default: no token, a viewer, and a body the route does not take change nothing
      expect((await fix({})).statusCode).toBe(401);
      expect((await fix(asViewer)).statusCode).toBe(403);
      expect((await fix(asDeployer, { commit: 'HEAD~1' })).statusCode).toBe(400);
      expect(sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/main')).toBe(faulty);

      // the deployer: one commit on origin's main, after the fault, that removes the fault file and says Fixed
      const answer = await fix(asDeployer);
      expect(answer.statusCode, answer.body).toBe(201);
      const { commit } = answer.json<{ commit: string }>();
      expect(sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/main')).toBe(commit);
      expect(sandboxGit(sandbox.origin, 'rev-parse', `${commit}^`)).toBe(faulty);
      expect(sandboxGit(sandbox.origin, 'log', '-1', '--format=%s', commit)).toBe('fix(checkout): revert the faulty change that monitoring caught');
      expect(sandboxGit(sandbox.origin, 'ls-tree', '--name-only', commit)).not.toMatch(/demo-faults\.json/);
      expect(sandboxGit(sandbox.origin, 'show', `${commit}:CHANGELOG.md`)).toMatch(/## \[Unreleased\]\n\n### Fixed\n\n- Checkout works under load again/);
      // fixed once: a second press has nothing left to fix
      expect((await fix(asDeployer)).statusCode).toBe(409);
    } finally {
      await app.close();
    }
  });

  it('are absent outside the demo', async () => {
    const { app } = await demoApp(false);
    try {
      expect((await app.inject({ url: '/api/demo', headers: asDeployer })).json()).toMatchObject({ enabled: false });
      expect((await app.inject({ method: 'POST', url: '/api/demo/faulty-release', headers: asDeployer, payload: {} })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: '/api/demo/fix-fault', headers: asDeployer })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
