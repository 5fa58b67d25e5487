// Benchmark: GET /api/releases?limit=50 with 10,000 stored releases, under 50 concurrent
// connections. Run after `pnpm -r build`:  node bench/api-list.bench.mjs [seconds]
// The server runs in a child process (as in production) so the load generator does not share
// its event loop. Prints p50, p99 and requests/s, and the same for GET /api/health (no database,
// no auth) measured in the same run as the baseline, with the ratios; exits 1 when p99 > 20 ms.
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const server = new URL('../apps/server/dist/', import.meta.url);
const RELEASES = 10_000;
const CONNECTIONS = 50;
const TARGET_P99_MS = 20;
const STEPS = ['verify-gates', 'bump-version', 'tag', 'push', 'deploy', 'health-checks', 'ship-report', 'monitor'];

async function runServer() {
  const { buildApp } = await import(new URL('app.js', server));
  const { newReleaseId } = await import(new URL('releases/new-release-id.js', server));
  const app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-bench-')), tokens: { deployer: 'bench' }, logger: false });
  const { projects, releases, db } = app.services;
  const at = new Date().toISOString();
  db.$client.transaction(() => {
    for (const id of ['acme-web', 'billing', 'search']) projects.insert({ id, name: id, dir: `/srv/${id}`, remoteUrl: `/srv/${id}.git`, remoteName: 'origin', mainBranch: 'main', currentVersion: null, createdAt: at });
    for (let i = 0; i < RELEASES; i++) {
      const id = newReleaseId(Date.now() - (RELEASES - i) * 1000);
      releases.insert(
        { id, projectId: ['acme-web', 'billing', 'search'][i % 3], status: i % 10 === 0 ? 'failed' : 'succeeded', version: `1.${i}.0`, previousVersion: `1.${i - 1}.0`, tag: `v1.${i}.0`, commit: 'f'.repeat(40), actor: 'deployer', createdAt: at, startedAt: at, finishedAt: at },
        STEPS,
      );
    }
  })();
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send({ port: app.server.address().port });
}

async function load(port, seconds, path = '/api/releases?limit=50') {
  const require = createRequire(new URL('../apps/server/package.json', import.meta.url));
  const { Pool } = await import(pathToFileURL(require.resolve('undici')).href);
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS, pipelining: 1 });
  const request = async () => {
    const res = await pool.request({ path, method: 'GET', headers: { authorization: 'Bearer bench' } });
    const body = await res.body.text();
    if (res.statusCode !== 200 || !body.startsWith('{')) throw new Error(`unexpected answer ${res.statusCode} from ${path}`);
  };
  const run = async (ms, latencies) => {
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          await request();
          latencies?.push(performance.now() - started);
        }
      }),
    );
  };
  await run(1000); // warm-up: JIT, connections, SQLite page cache
  if (path.startsWith('/api/releases')) {
    const sample = await (await pool.request({ path, method: 'GET', headers: { authorization: 'Bearer bench' } })).body.json();
    if (sample.items.length !== 50 || !sample.nextCursor) throw new Error('the page should hold 50 releases and a cursor');
  }
  const latencies = [];
  const started = performance.now();
  await run(seconds * 1000, latencies);
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: pct(50), p99: pct(99), rps: latencies.length / elapsed, count: latencies.length };
}

if (process.argv[2] === '--server') {
  await runServer();
} else {
  const seconds = Number(process.argv[2] ?? 5);
  const child = fork(new URL(import.meta.url), ['--server'], { stdio: 'inherit' });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const base = await load(port, seconds, '/api/health');
  const r = await load(port, seconds);
  child.kill('SIGKILL');
  const ok = r.p99 <= TARGET_P99_MS;
  console.log(`api list: GET /api/releases?limit=50, ${RELEASES} releases stored, ${CONNECTIONS} concurrent connections, ${seconds} s`);
  console.log(`  requests : ${r.count}`);
  console.log(`  p50      : ${r.p50.toFixed(2)} ms`);
  console.log(`  p99      : ${r.p99.toFixed(2)} ms (target ≤ ${TARGET_P99_MS} ms) ${ok ? 'OK' : 'MISSED'}`);
  console.log(`  req/s    : ${r.rps.toFixed(0)}`);
  console.log(`  baseline GET /api/health, same load: p50 ${base.p50.toFixed(2)} ms, p99 ${base.p99.toFixed(2)} ms, ${base.rps.toFixed(0)} req/s`);
  console.log(`  ratio list/health: p99 ${(r.p99 / base.p99).toFixed(2)}×, throughput ${(r.rps / base.rps).toFixed(2)}×`);
  process.exit(ok ? 0 : 1);
}
