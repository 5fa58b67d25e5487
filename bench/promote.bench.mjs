// Benchmark: a whole `shipgate promote` (one HTTP health check, no monitoring) as a process,
// against the floor — a plain git + curl script doing the same work on an identical fixture:
// gate check (read state.yaml, clean tree, on main, up to date), version bump, CHANGELOG,
// release commit, annotated tag, atomic push of main and the tag, production branch moved,
// one HTTP check, ship-report commit and push. Alternating runs; prints the median of each
// and the median ratio. Run after `pnpm -r build`, under the shared lock:
//   flock /work/heavy.lock node bench/promote.bench.mjs [rounds]
// Target: ≤ 2.5× the floor (goal 1.5×). Exits 1 above the target.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS = Number(process.argv[2] ?? 7);
const TARGET = 2.5;
const CLI = fileURLToPath(new URL('../apps/server/dist/cli/main.js', import.meta.url));

const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const healthUrl = `http://127.0.0.1:${server.address().port}/health`;

const STATE = `feature:\n  slug: 001-checkout\nworkflow:\n  manual_gates:\n    staging_validation:\n      status: approved\n      approved_by: Jane\n      approved_at: 2026-11-20T14:55:00Z\nquality_gates:\n  rollback_capability:\n    passed: true\n    timestamp: 2026-11-20T14:50:12Z\n`;
const CONFIG = `project: acme-web\ndeploy:\n  provider: git-branch\n  branch: production\nhealth:\n  checks:\n    - name: api\n      url: ${healthUrl}\n      expectStatus: 200\nmonitoring:\n  enabled: false\n`;

function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'shipgate-bench-promote-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');
  const env = { ...process.env, HOME: home, GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
  const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  const origin = join(root, 'origin.git');
  const app = join(root, 'app');
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  git(root, 'init', '-q', '-b', 'main', app);
  git(app, 'remote', 'add', 'origin', origin);
  writeFileSync(join(app, 'package.json'), '{\n  "name": "acme-web",\n  "version": "2.6.0"\n}\n');
  writeFileSync(join(app, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Export API\n\n## [2.6.0] - 2024-05-01\n\n- first\n');
  mkdirSync(join(app, 'specs', '001-checkout'), { recursive: true });
  writeFileSync(join(app, 'specs', '001-checkout', 'state.yaml'), STATE);
  writeFileSync(join(app, '.shipgate.yaml'), CONFIG);
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'chore(release): v2.6.0');
  git(app, 'tag', '-a', 'v2.6.0', '-m', 'Release v2.6.0');
  git(app, 'commit', '-q', '--allow-empty', '-m', 'feat: export API');
  git(app, 'push', '-q', 'origin', 'main', 'refs/tags/v2.6.0');
  git(app, 'push', '-q', 'origin', 'main:production');
  return { root, app, env };
}

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

const shipgate = (fx) => exec(process.execPath, [CLI, 'promote', '--yes', '--no-monitor', '--dir', fx.app], { cwd: fx.app, env: fx.env });
const floor = (fx) => exec('sh', ['-c', FLOOR], { cwd: fx.app, env: fx.env });

await timed(shipgate); // warm the file cache once
await timed(floor);
const ratios = [];
const a = [];
const b = [];
for (let i = 0; i < ROUNDS; i++) {
  const s = await timed(shipgate);
  const f = await timed(floor);
  a.push(s);
  b.push(f);
  ratios.push(s / f);
}
server.close();
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`shipgate promote: median ${median(a).toFixed(0)} ms over ${ROUNDS} runs`);
console.log(`git + curl floor: median ${median(b).toFixed(0)} ms`);
const ratio = median(ratios);
console.log(`median ratio: ${ratio.toFixed(2)}× (target ≤ ${TARGET}×, goal 1.5×)`);
process.exitCode = ratio <= TARGET ? 0 : 1;
