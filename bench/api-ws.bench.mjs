// Benchmark: one release emitting 50,000 log lines, watched by 100 WebSocket subscribers.
// Run after `pnpm -r build`:  node bench/api-ws.bench.mjs [linesPerSecond] [--single]
// The server runs in a child process and records every line through the same path as the
// engine's events (tracker → SQLite batch → broadcast); the subscribers run here. Every
// subscriber must receive every line exactly once and in order. Prints lines/s (first emit
// to last receive) and p50/p99 emit-to-receive latency; exits 1 below 20,000 lines/s or
// above 100 ms p99. Subscribers use `batch: true` (many events per frame) unless --single.
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const server = new URL('../apps/server/dist/', import.meta.url);
const LINES = 50_000;
const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 100);
const FULL = Number(process.env.FULL ?? 10);
const now = () => performance.timeOrigin + performance.now();

async function runServer(rate) {
  const { buildApp } = await import(new URL('app.js', server));
  const { ReleaseTracker } = await import(new URL('releases/release-tracker.js', server));
  const app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-bench-ws-')), tokens: { deployer: 'bench' }, logger: false });
  const svc = app.services;
  const at = new Date().toISOString();
  svc.projects.insert({ id: 'acme-web', name: 'acme-web', dir: '/srv/acme', remoteUrl: '/srv/acme.git', remoteName: 'origin', mainBranch: 'main', currentVersion: null, createdAt: at });
  svc.releases.insert({ id: 'rel_bench', projectId: 'acme-web', status: 'running', actor: 'bench', createdAt: at }, ['deploy']);
  const tracker = new ReleaseTracker(svc, 'rel_bench', 'running', 'deploy');
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (m) => {
    if (m === 'stop') process.exit(0);
    const started = performance.now();
    let i = 0;
    const tick = () => {
      const due = Math.min(LINES, Math.ceil(((performance.now() - started) / 1000) * rate));
      for (; i < due; i++) tracker.emit({ type: 'step.log', step: 'deploy', line: `line ${i} at ${now().toFixed(3)}` });
      if (i < LINES) setTimeout(tick, 2);
    };
    tick();
  });
  process.send({ port: app.server.address().port });
}

async function watch(port, single, count, full) {
  const require = createRequire(new URL('../apps/server/package.json', import.meta.url));
  const { default: WebSocket } = await import(pathToFileURL(require.resolve('ws')).href);
  const latencies = new Float64Array(LINES * full);
  let measured = 0;
  let lastReceive = 0;
  const SEQ = Buffer.from('"seq":');
  const clients = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      // 100 browsers' worth of JSON.parse would measure the bench, not the server: the first
      // `full` subscribers parse every message and check every seq; the rest check frame ranges
      const parses = index < full;
      const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=bench`, { skipUTF8Validation: true, perMessageDeflate: false });
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const client = { socket, last: 0, done: null };
      client.done = new Promise((resolve, reject) => {
        const next = (seq) => {
          if (seq !== client.last + 1) reject(new Error(`seq ${seq} after ${client.last}`));
          client.last = seq;
          if (seq === LINES) resolve();
        };
        const take = (seq, event, t) => {
          latencies[measured++] = t - Number(event.line.slice(event.line.lastIndexOf(' ') + 1));
          next(seq);
        };
        socket.on('message', (data) => {
          const t = now();
          lastReceive = t;
          if (!parses) {
            // a frame holds a contiguous range of seqs, built once and shared by every subscriber:
            // these check that each frame's range continues the previous one (the `full`
            // subscribers check every single event of the same frames)
            const seqAt = (at) => {
              let seq = 0;
              for (let i = at + 6; data[i] >= 48 && data[i] <= 57; i++) seq = seq * 10 + data[i] - 48;
              return seq;
            };
            const firstAt = data.indexOf(SEQ);
            if (firstAt === -1) return; // not an event frame (the subscription's acknowledgement)
            const first = seqAt(firstAt);
            const last = seqAt(data.lastIndexOf(SEQ));
            if (first !== client.last + 1 || last < first) reject(new Error(`frame ${first}..${last} after ${client.last}`));
            client.last = last;
            if (last === LINES) resolve();
            return;
          }
          const m = JSON.parse(data);
          if (m.type === 'events') for (const item of m.items) take(item.seq, item.event, t);
          else if (m.type === 'event') take(m.seq, m.event, t);
        });
      });
      socket.send(JSON.stringify({ type: 'subscribe', releaseId: 'rel_bench', after: 0, batch: !single }));
      return client;
    }),
  );
  return { clients, latencies, measuredCount: () => measured, lastReceive: () => lastReceive };
}

// Subscribers live in WORKERS processes (the machine has 2 cores), each reporting back.
async function runSubscribers([port, count, full, mode]) {
  const w = await watch(Number(port), mode === 'single', Number(count), Number(full));
  process.send({ ready: true });
  const cpuBefore = process.cpuUsage();
  await Promise.all(w.clients.map((c) => c.done));
  const cpu = process.cpuUsage(cpuBefore);
  const latencies = Array.from(w.latencies.subarray(0, w.measuredCount()));
  process.send({ lastReceive: w.lastReceive(), cpuMs: (cpu.user + cpu.system) / 1000, latencies }, () => process.exit(0));
}

const WORKERS = Number(process.env.WORKERS ?? 2);
if (process.argv[2] === '--server') {
  await runServer(Number(process.argv[3]));
} else if (process.argv[2] === '--subscribers') {
  await runSubscribers(process.argv.slice(3));
} else {
  const rate = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 25_000);
  const single = process.argv.includes('--single');
  const execArgv = process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [];
  const child = fork(new URL(import.meta.url), ['--server', String(rate)], { stdio: 'inherit', execArgv });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const workers = Array.from({ length: WORKERS }, () =>
    fork(new URL(import.meta.url), ['--subscribers', String(port), String(SUBSCRIBERS / WORKERS), String(FULL / WORKERS), single ? 'single' : 'batch'], { stdio: 'inherit' }),
  );
  const results = workers.map((w) => new Promise((resolve) => w.on('message', (m) => m.latencies && resolve(m))));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  await new Promise((r) => setTimeout(r, 200));
  const firstEmit = now();
  child.send('go');
  const reports = await Promise.all(results);
  const seconds = (Math.max(...reports.map((r) => r.lastReceive)) - firstEmit) / 1000;
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const lat = Float64Array.from(reports.flatMap((r) => r.latencies)).sort();
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
  const linesPerSecond = LINES / seconds;
  const ok = linesPerSecond >= 20_000 && pct(99) <= 100;
  console.log(`api ws: ${LINES} log lines emitted at up to ${rate}/s, ${SUBSCRIBERS} subscribers in ${WORKERS} processes (${single ? 'one message per event' : 'batch: true'})`);
  console.log(`  all ${SUBSCRIBERS} subscribers got all ${LINES} lines in order (latency from the ${FULL} that parse every message)`);
  console.log(`  lines/s  : ${linesPerSecond.toFixed(0)} (target ≥ 20000)`);
  console.log(`  subscriber-side CPU: ${reports.map((r) => r.cpuMs.toFixed(0)).join(' + ')} ms over ${(seconds * 1000).toFixed(0)} ms`);
  console.log(`  p50      : ${pct(50).toFixed(1)} ms`);
  console.log(`  p99      : ${pct(99).toFixed(1)} ms (target ≤ 100 ms) ${ok ? 'OK' : 'MISSED'}`);
  process.exit(ok ? 0 : 1);
}
