// Benchmark: a whole `shipgate promote` (one HTTP health check, no monitoring) as a process,
// against the floor — a plain git + curl script doing the same work on an identical fixture:
// gate check (read state.yaml, clean tree, on main, up to date), version bump, CHANGELOG,
// release commit, annotated tag, atomic push of main and the tag, production branch moved,
// one HTTP check, ship-report commit and push. Alternating runs; prints the median of each
// and the median ratio. Run after `pnpm -r build`, under the shared lock:
//   flock /work/heavy.lock node bench/promote.bench.mjs [rounds] [--against other/cli/main.js]
// Target: ≤ 2.5× the floor (goal 1.5×). Exits 1 above the target. `--against` also times
// another build of the CLI (e.g. main before a change, built elsewhere) in the same rounds,
// against the same floor, and prints its ratio beside this one's: a before/after in one run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { makePromoteFixture } from '../packages/runtime/dist/testing/promote-fixture.js';

const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const AGAINST = againstAt === -1 ? null : args.splice(againstAt, 2)[1];
if (againstAt !== -1 && !AGAINST) throw new Error('--against needs the path of another CLI entry (dist/cli/main.js)');
const ROUNDS = Number(args[0] ?? 7);
const TARGET = 2.5;
const CLI = fileURLToPath(new URL('../apps/server/dist/cli/main.js', import.meta.url));

const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const healthUrl = `http://127.0.0.1:${server.address().port}/health`;

// the fixture the promote-git-calls test uses too (built: run `pnpm -r build` first)
const fixture = () => makePromoteFixture(healthUrl);

// The floor: the same work as one shell script of git and curl calls.
const FLOOR = `set -eu
grep -q 'status: approved' specs/001-checkout/state.yaml
grep -q 'passed: true' specs/001-checkout/state.yaml
test -z "$(git status --porcelain)"
test "$(git symbolic-ref --short HEAD)" = main
git fetch -q origin main
test "$(git rev-list --count HEAD..origin/main)" = 0
last=$(git describe --tags --abbrev=0 --match 'v*')
git log --format=%B "$last"..HEAD > /dev/null
sed -i 's/"version": "2.6.0"/"version": "2.7.0"/' package.json
sed -i 's/^## \\[Unreleased\\]$/## [Unreleased]\\n\\n## [2.7.0] - 2026-11-29/' CHANGELOG.md
git add package.json CHANGELOG.md
git -c commit.gpgSign=false commit -qm 'chore(release): v2.7.0'
git -c tag.gpgSign=false tag -a v2.7.0 -m 'Release v2.7.0'
git push -q --atomic origin refs/heads/main:refs/heads/main refs/tags/v2.7.0:refs/tags/v2.7.0
git push -q origin "$(git rev-parse HEAD):refs/heads/production"
curl -fsS -o /dev/null ${healthUrl}
printf '# Ship report v2.7.0\\n' > specs/001-checkout/production-ship-report.md
git add specs/001-checkout/production-ship-report.md
git -c commit.gpgSign=false commit -qm 'docs(ship): ship report for v2.7.0'
git push -q origin refs/heads/main:refs/heads/main
`;

/** Runs a process without blocking this one's event loop (the health endpoint lives here). */
function exec(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

async function timed(run) {
  const fx = fixture();
  const started = performance.now();
  const r = await run(fx);
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  rmSync(fx.root, { recursive: true, force: true });
  return ms;
}

const promoteWith = (cli) => (fx) => exec(process.execPath, [cli, 'promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env });
const shipgate = promoteWith(CLI);
const other = AGAINST ? promoteWith(AGAINST) : null;
const floor = (fx) => exec('sh', ['-c', FLOOR], { cwd: fx.app, env: fx.env });

await timed(shipgate); // warm the file cache once
if (other) await timed(other);
await timed(floor);
const ratios = [];
const otherRatios = [];
const a = [];
const b = [];
const c = [];
for (let i = 0; i < ROUNDS; i++) {
  // with --against, the two CLIs take turns going first
  const first = other && i % 2 === 1 ? await timed(other) : null;
  const s = await timed(shipgate);
  const o = other ? (first ?? (await timed(other))) : null;
  const f = await timed(floor);
  a.push(s);
  b.push(f);
  ratios.push(s / f);
  if (o !== null) {
    c.push(o);
    otherRatios.push(o / f);
  }
}
server.close();
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`shipgate promote: median ${median(a).toFixed(0)} ms over ${ROUNDS} runs`);
if (other) console.log(`--against ${AGAINST}: median ${median(c).toFixed(0)} ms, median ratio ${median(otherRatios).toFixed(2)}×`);
console.log(`git + curl floor: median ${median(b).toFixed(0)} ms`);
const ratio = median(ratios);
console.log(`median ratio: ${ratio.toFixed(2)}× (target ≤ ${TARGET}×, goal 1.5×)`);
process.exitCode = ratio <= TARGET ? 0 : 1;
