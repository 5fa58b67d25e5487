// The demo's whole story on real parts: sandbox (bare origin + app), the demo production
// service following the production branch, the built CLI promoting a good release
// (monitoring passes), then a faulty one (health checks pass, monitoring fails it, rollback).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoService, type DemoService } from '@shipgate/demo-service';
import { buildSandbox, sandboxGit, type Sandbox } from './build-sandbox.js';
import { makeFaultyRelease } from './make-faulty-release.js';
import { freePort } from '../testing/free-port.js';

const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');

function promote(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'promote', '--dir', dir, '--yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

describe('the demo sandbox', () => {
  let sandbox: Sandbox;
  let service: DemoService;
  let work: string;

  beforeAll(async () => {
    expect(existsSync(CLI), `build first: ${CLI} is missing`).toBe(true);
    const root = mkdtempSync(join(tmpdir(), 'shipgate-demo-'));
    const port = await freePort();
    sandbox = buildSandbox({ root, servicePort: port, monitoring: { window: '24s', baseline: '6s', warmup: '2s', interval: '3s' } });
    service = await runDemoService({ port, repoDir: sandbox.serviceDir, trafficRps: 120, follow: { origin: sandbox.origin, branch: 'production', pollMs: 200 } });
    work = join(root, 'release-clone');
    execFileSync('git', ['clone', '-q', sandbox.origin, work]);
    sandboxGit(work, 'config', 'user.name', 'Release Bot');
    sandboxGit(work, 'config', 'user.email', 'bot@demo.invalid');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('promotes a good release whose monitoring passes, then catches a faulty one and rolls it back', async () => {
    expect(service.release().version).toBe('1.4.0');
    const good = await promote(work);
    expect(good.code, good.output).toBe(0);
    expect(good.output).toMatch(/monitoring (PASS|INCONCLUSIVE)/);
    const goodCommit = sandboxGit(sandbox.origin, 'rev-parse', 'refs/tags/v1.5.0^{commit}');
    expect(sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/production')).toBe(goodCommit);
    // one ship-report commit per event, each saying what it adds
    expect(sandboxGit(sandbox.origin, 'log', '--format=%s', `${goodCommit}..refs/heads/main`).split('\n')).toEqual([
      'docs(ship): monitoring result for v1.5.0',
      'docs(ship): ship report for v1.5.0',
    ]);

    makeFaultyRelease(sandbox.app, 'errors');
    sandboxGit(work, 'pull', '-q', '--rebase', 'origin', 'main');
    const bad = await promote(work);
    expect(bad.code, bad.output).toBe(4);
    expect(bad.output).toMatch(/health checks pass|api-health/);
    expect(bad.output).toMatch(/monitoring FAIL/);
    // production serves the previous release again
    expect(sandboxGit(sandbox.origin, 'rev-parse', 'refs/heads/production')).toBe(goodCommit);
    await expect.poll(async () => ((await (await fetch(`${service.url}/api/version`)).json()) as { version: string }).version, { timeout: 5000 }).toBe('1.5.0');
    // the report explains which number crossed which threshold
    const report = readFileSync(join(work, 'specs/001-demo-checkout/production-ship-report.md'), 'utf8');
    expect(report).toContain('Rolled back');
    expect(report).toMatch(/error rate .* above the allowed 1 pp/);
    // the monitoring chart is an SVG file beside the report, linked as an image (GitHub drops inline <svg>)
    expect(report).not.toContain('<svg');
    expect(report).toMatch(/!\[Monitoring chart[^\]]*\]\(production-ship-report-monitoring\.svg\)/);
    const chart = readFileSync(join(work, 'specs/001-demo-checkout/production-ship-report-monitoring.svg'), 'utf8');
    expect(chart).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(chart).toContain('error rate (%)');
    expect(sandboxGit(sandbox.origin, 'ls-tree', '--name-only', 'main', 'specs/001-demo-checkout/')).toContain('production-ship-report-monitoring.svg');
    const state = readFileSync(join(work, 'specs/001-demo-checkout/state.yaml'), 'utf8');
    expect(state).toMatch(/rollback_from:\s*["']?1\.6\.0/);
  }, 240_000);
});
