// Benchmark: 20 HTTP health checks against local endpoints that each answer after 300 ms.
// Run after `pnpm -r build`:  node bench/health-checks.bench.mjs
// Prints the slowest single check alone, all 20 together, and their ratio (target ≤ 1.3×;
// the seed's sequential curl loop is 20×). Exits 1 when the ratio is above the target.
import { createServer } from 'node:http';
import { runHealthChecks } from '../packages/core/dist/index.js';
import { createNodeContext } from '../packages/runtime/dist/index.js';

const CHECKS = 20;
const DELAY_MS = 300;
const TARGET_RATIO = 1.3;

const server = createServer((request, response) => {
  setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end(`{"path":"${request.url}"}`), DELAY_MS);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const checks = Array.from({ length: CHECKS }, (_, i) => ({
  kind: 'http',
  name: `endpoint-${String(i + 1).padStart(2, '0')}`,
  url: `${base}/service/${i + 1}/health`,
  method: 'GET',
  headers: {},
  expectStatus: [200],
  json: { path: `/service/${i + 1}/health` },
  timeoutSeconds: 5,
  intervalSeconds: 1,
  initialDelaySeconds: 0,
  successThreshold: 1,
  failureThreshold: 1,
  deadlineSeconds: 30,
  severity: 'critical',
}));

const ctx = createNodeContext({ emit: () => {} });
const timed = async (list) => {
  const started = performance.now();
  const summary = await runHealthChecks(list, { ctx, version: '1.0.0', phase: 'deploy' });
  if (!summary.passed) throw new Error(`a check failed: ${summary.criticalFailures.join('; ')}`);
  return performance.now() - started;
};

await timed([checks[0]]); // warm-up: module JIT and the first connection do not count

const singles = [];
for (const check of checks) singles.push(await timed([check]));
const slowest = Math.max(...singles);
const sequential = singles.reduce((sum, ms) => sum + ms, 0);
const parallel = await timed(checks);
server.close();

const ratio = parallel / slowest;
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`health checks: ${CHECKS} HTTP checks, each endpoint answers after ${DELAY_MS} ms`);
console.log(`  slowest single check alone : ${ms(slowest)}`);
console.log(`  one after another (seed)   : ${ms(sequential)} (${(sequential / slowest).toFixed(1)}×)`);
console.log(`  all ${CHECKS} via runHealthChecks: ${ms(parallel)}`);
console.log(`  ratio                      : ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'TOO SLOW'}`);
process.exit(ratio <= TARGET_RATIO ? 0 : 1);
