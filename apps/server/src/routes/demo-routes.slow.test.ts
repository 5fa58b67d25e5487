import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { buildSandbox, sandboxGit } from '../demo/build-sandbox.js';
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
    ...(withDemo ? { demo: { makeFaultyRelease: (kind) => makeFaultyRelease(sandbox.app, kind) } } : {}),
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

  it('are absent outside the demo', async () => {
    const { app } = await demoApp(false);
    try {
      expect((await app.inject({ url: '/api/demo', headers: asDeployer })).json()).toMatchObject({ enabled: false });
      expect((await app.inject({ method: 'POST', url: '/api/demo/faulty-release', headers: asDeployer, payload: {} })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
