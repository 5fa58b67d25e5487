// Builds the app on a fresh data dir with a registered git fixture, for app.inject tests.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import type { Engine } from '../engine.js';
import { registerProject } from '../projects/register-project.js';
import type { ServerSettings } from '../settings/server-settings.js';
import { FakeEngine } from './fake-engine.js';
import { makeGitFixture, type GitFixture } from './git-fixture.js';

export const DEPLOYER = 'deployer-secret';
export const VIEWER = 'viewer-secret';
export const asDeployer = { authorization: `Bearer ${DEPLOYER}` };
export const asViewer = { authorization: `Bearer ${VIEWER}` };

export interface TestApp {
  app: FastifyInstance;
  engine: Engine;
  fixture: GitFixture;
  projectId: string;
  dataDir: string;
}

export async function createTestApp(options: { engine?: Engine; dataDir?: string; fixture?: GitFixture; settings?: ServerSettings } = {}): Promise<TestApp> {
  const fixture = options.fixture ?? makeGitFixture();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shipgate-data-'));
  const engine = options.engine ?? new FakeEngine();
  const app = await buildApp({ dataDir, engine, tokens: { deployer: DEPLOYER, viewer: VIEWER }, env: {}, shutdownGraceMs: 200, ...(options.settings ? { settings: options.settings } : {}) });
  const { project } = await registerProject(app.services, fixture.app);
  return { app, engine, fixture, projectId: project.id, dataDir };
}

/** Polls until the release reaches one of the statuses (or fails the test after timeoutMs, default 15 s). */
export async function waitForStatus(app: FastifyInstance, id: string, statuses: string[], timeoutMs = 15_000): Promise<{ status: string } & Record<string, unknown>> {
  for (let i = 0; i < timeoutMs / 50; i++) {
    const release = (await app.inject({ url: `/api/releases/${id}`, headers: asDeployer })).json<{ status: string }>();
    if (statuses.includes(release.status)) return release;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`release ${id} never reached ${statuses.join('|')}`);
}
