// The monitoring judge on seeded production, 1002 releases per condition — 334 at each of 5, 50
// and 500 req/s (the test suite runs 100 at each); pass a number to change the per-level count: prints the Markdown table of packages/core/src/monitoring/README.md
// and exits 1 when a threshold of issue 19 is missed — healthy releases rolled back ≤ 1% in every
// condition, a change of exactly the allowed size ≤ 5%, +3 pp / +30% p95 caught ≥ 99% at 50 and
// 500 req/s. Run after `pnpm -r build`, under the shared lock:
//   flock /work/heavy.lock node bench/monitoring-judge.bench.mjs [releases per cell, default 334]
// Two worker threads share the cells; a run takes a few minutes on an idle 2-core machine.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CONDITIONS } from '../packages/core/dist/monitoring/testing/judge-conditions.js';
import { judgeRates, seedsFor } from '../packages/core/dist/monitoring/testing/judge-rates.js';

const SEEDS = Number(process.argv[2] ?? 334);
const RPS = [5, 50, 500];
const LOW_RPS = 0.5;

if (!isMainThread) {
  for (const { index, rps } of workerData.cells) {
    const condition = CONDITIONS[index];
    const rates = await judgeRates(condition, rps, seedsFor(rps === LOW_RPS ? 99 : index, rps, workerData.seeds));
    parentPort.postMessage({ index, rps, rates });
  }
} else {
  const cells = CONDITIONS.flatMap((_, index) => RPS.map((rps) => ({ index, rps })));
  cells.push({ index: 0, rps: LOW_RPS });
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  const results = new Map();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { cells: cells.filter((_, i) => i % workers === w), seeds: SEEDS } });
        worker.on('message', ({ index, rps, rates }) => {
          results.set(`${index}@${rps}`, rates);
          console.error(`${CONDITIONS[index].name} at ${rps} req/s: ${JSON.stringify(rates.verdicts)}`);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
      }),
    ),
  );

  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const misses = [];
  const lines = [
    `| condition (${SEEDS} seeded releases per cell) | 5 req/s | 50 req/s | 500 req/s |`,
    '| --- | --- | --- | --- |',
  ];
  for (const [index, condition] of CONDITIONS.entries()) {
    const atLimit = condition.regression?.errorPp === 1 || condition.regression?.latencyFactor === 1.1;
    const row = RPS.map((rps) => {
      const r = results.get(`${index}@${rps}`);
      const fail = r.failRate;
      if (condition.healthy) {
        if (fail > 0.01) misses.push(`${condition.name} at ${rps} req/s: ${pct(fail)} rolled back (limit 1%)`);
        return `${pct(fail)} rolled back`;
      }
      if (atLimit) {
        if (fail > 0.05) misses.push(`${condition.name} at ${rps} req/s: ${pct(fail)} rolled back (limit 5%)`);
        return `${pct(fail)} rolled back`;
      }
      if (rps >= 50 && fail < 0.99) misses.push(`${condition.name} at ${rps} req/s: ${pct(fail)} caught (need 99%)`);
      return `${pct(fail)} caught${r.medianSecondsToFail === null ? '' : `, median ${r.medianSecondsToFail} s`}`;
    });
    lines.push(`| ${condition.healthy ? 'healthy: ' : ''}${condition.name} | ${row.join(' | ')} |`);
  }
  const low = results.get(`0@${LOW_RPS}`);
  const lowLine = `At ${LOW_RPS} req/s (healthy, steady): ${Object.entries(low.verdicts).filter(([, n]) => n > 0).map(([v, n]) => `${v} ${pct(n / low.releases)}`).join(', ')}.`;
  if (low.verdicts.FAIL > 0 || low.verdicts.PASS > 0) misses.push(`at ${LOW_RPS} req/s the verdict was not NO_DATA/INCONCLUSIVE: ${JSON.stringify(low.verdicts)}`);
  console.log(lines.join('\n'));
  console.log(`\n${lowLine}`);
  console.log(`\n${cells.length} cells × ${SEEDS} releases in ${Math.round((Date.now() - started) / 1000)} s with ${workers} worker threads.`);
  if (misses.length) {
    console.log(`\nMISSED:\n- ${misses.join('\n- ')}`);
    process.exit(1);
  }
  console.log('\nEvery threshold met.');
}
