// Benchmark: one release emitting 50,000 log lines, watched by 100 WebSocket subscribers.
// Run after `pnpm -r build`:  node bench/api-ws.bench.mjs [linesPerSecond] [--single]
// The server runs in a child process and records every line through the same path as the
// engine's events (tracker → SQLite batch → broadcast); the subscribers run in WORKERS other
// processes. Every subscriber must receive every line exactly once and in order.
//
// Two releases run one after the other, watched by the same 100 connections: a warm-up release
// (WARMUP lines, default 20,000; the processes start cold: JIT, heap and socket buffers), then the
// measured release of 50,000 lines. Both are checked line by line; both results are printed, the
// targets apply to the measured one. Prints lines/s (first emit to last receive) and p50/p99
// emit-to-receive latency; exits 1 below 20,000 lines/s or above 100 ms p99.
// Subscribers use `batch: true` (many events per frame) unless --single.
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const server = new URL('../apps/server/dist/', import.meta.url);
const LINES = 50_000;
const WARMUP = Number(process.env.WARMUP ?? 20_000);
const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 100);
const FULL = Number(process.env.FULL ?? 10);
const WORKERS = Number(process.env.WORKERS ?? 2);
const RELEASES = [
  { id: 'rel_warmup', lines: WARMUP },
  { id: 'rel_bench', lines: LINES },
].filter((r) => r.lines > 0);
const now = () => performance.timeOrigin + performance.now();

async function runServer(rate) {
  const { buildApp } = await import(new URL('app.js', server));
  const { ReleaseTracker } = await import(new URL('releases/release-tracker.js', server));
  const app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'shipgate-bench-ws-')), tokens: { deployer: 'bench' }, logger: false });
  const svc = app.services;
  const at = new Date().toISOString();
  const trackers = new Map();
  for (const { id } of RELEASES) {
    // one project each: the database allows one active release per project
    const project = `acme-${id}`;
    svc.projects.insert({ id: project, name: project, dir: `/srv/${project}`, remoteUrl: `/srv/${project}.git`, remoteName: 'origin', mainBranch: 'main', currentVersion: null, createdAt: at });
    svc.releases.insert({ id, projectId: project, status: 'running', actor: 'bench', createdAt: at }, ['deploy']);
    trackers.set(id, new ReleaseTracker(svc, id, 'running', 'deploy'));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (m) => {
    if (m === 'stop') process.exit(0);
    if (m === 'cpu') return process.send({ cpu: process.cpuUsage() });
    const tracker = trackers.get(m.release);
    const started = performance.now();
    let i = 0;
    const tick = () => {
      const due = Math.min(m.lines, Math.ceil(((performance.now() - started) / 1000) * rate));
      for (; i < due; i++) tracker.emit({ type: 'step.log', step: 'deploy', line: `line ${i} at ${now().toFixed(3)}` });
      if (i < m.lines) setTimeout(tick, 2);
    };
    tick();
  });
  process.send({ port: app.server.address().port });
}

async function watch(port, single, count, full) {
  const require = createRequire(new URL('../apps/server/package.json', import.meta.url));
  const { default: WebSocket } = await import(pathToFileURL(require.resolve('ws')).href);
  const byRelease = new Map(RELEASES.map((r) => [r.id, { ...r, latencies: new Float64Array(r.lines * full), measured: 0, lastReceive: 0 }]));
  const SEQ = Buffer.from('"seq":');
  const RELEASE_ID = Buffer.from('"releaseId":"');
  const clients = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      // 100 browsers' worth of JSON.parse would measure the bench, not the server: the first
      // `full` subscribers parse every message and check every seq; the rest check frame ranges
      const parses = index < full;
      const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=bench`, { skipUTF8Validation: true, perMessageDeflate: false });
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const streams = new Map();
      const done = new Map();
      for (const r of byRelease.values()) {
        done.set(r.id, new Promise((resolve, reject) => streams.set(r.id, { release: r, last: 0, resolve, reject })));
      }
      const take = (stream, seq, event, t) => {
        if (seq !== stream.last + 1) stream.reject(new Error(`${stream.release.id}: seq ${seq} after ${stream.last}`));
        stream.last = seq;
        const r = stream.release;
        r.latencies[r.measured++] = t - Number(event.line.slice(event.line.lastIndexOf(' ') + 1));
        if (seq === r.lines) stream.resolve();
      };
      socket.on('message', (data) => {
        const t = now();
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
          if (firstAt === -1) return; // not an event frame (a subscription's acknowledgement)
          const idAt = data.indexOf(RELEASE_ID) + RELEASE_ID.length;
          const stream = streams.get(data.toString('latin1', idAt, data.indexOf(34, idAt)));
          const first = seqAt(firstAt);
          const last = seqAt(data.lastIndexOf(SEQ));
          if (first !== stream.last + 1 || last < first) stream.reject(new Error(`${stream.release.id}: frame ${first}..${last} after ${stream.last}`));
          stream.last = last;
          stream.release.lastReceive = t;
          if (last === stream.release.lines) stream.resolve();
          return;
        }
        const m = JSON.parse(data);
        const stream = streams.get(m.releaseId);
        if (!stream) return;
        stream.release.lastReceive = t;
        if (m.type === 'events') for (const item of m.items) take(stream, item.seq, item.event, t);
        else if (m.type === 'event') take(stream, m.seq, m.event, t);
      });
      for (const id of byRelease.keys()) socket.send(JSON.stringify({ type: 'subscribe', releaseId: id, after: 0, batch: !single }));
      return { done };
    }),
  );
  return { clients, byRelease };
}

// Subscribers live in WORKERS processes (the machine has 2 cores), each reporting back per release.
async function runSubscribers([port, count, full, mode]) {
  const w = await watch(Number(port), mode === 'single', Number(count), Number(full));
  process.send({ ready: true });
  for (const r of w.byRelease.values()) {
    const cpuBefore = process.cpuUsage();
    await Promise.all(w.clients.map((c) => c.done.get(r.id)));
    const cpu = process.cpuUsage(cpuBefore);
    process.send({ release: r.id, lastReceive: r.lastReceive, cpuMs: (cpu.user + cpu.system) / 1000, latencies: r.latencies.slice(0, r.measured) });
  }
  process.once('message', () => process.exit(0));
}

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
  const serverCpu = () => new Promise((resolve) => (child.once('message', (m) => resolve((m.cpu.user + m.cpu.system) / 1000)), child.send('cpu')));
  const workers = Array.from({ length: WORKERS }, () =>
    fork(new URL(import.meta.url), ['--subscribers', String(port), String(SUBSCRIBERS / WORKERS), String(FULL / WORKERS), single ? 'single' : 'batch'], { stdio: 'inherit', execArgv, serialization: 'advanced' }),
  );
  const inbox = workers.map((w) => {
    const queue = [];
    let wake = null;
    w.on('message', (m) => (queue.push(m), wake?.()));
    return async () => {
      while (queue.length === 0) await new Promise((resolve) => (wake = resolve));
      return queue.shift();
    };
  });
  await Promise.all(inbox.map((next) => next())); // every subscriber connected and subscribed
  const results = [];
  for (const r of RELEASES) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cpuBefore = await serverCpu();
    const firstEmit = now();
    child.send({ release: r.id, lines: r.lines });
    const reports = await Promise.all(inbox.map((next) => next()));
    const serverMs = (await serverCpu()) - cpuBefore;
    const seconds = (Math.max(...reports.map((x) => x.lastReceive)) - firstEmit) / 1000;
    const lat = new Float64Array(reports.reduce((n, x) => n + x.latencies.length, 0));
    reports.reduce((at, x) => (lat.set(x.latencies, at), at + x.latencies.length), 0);
    lat.sort();
    const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
    results.push({ ...r, linesPerSecond: r.lines / seconds, p50: pct(50), p99: pct(99), max: lat.at(-1), seconds, serverMs, cpu: reports.map((x) => x.cpuMs) });
  }
  child.send('stop');
  for (const w of workers) w.send('stop');
  await new Promise((r) => child.once('exit', r));
  const measured = results.at(-1);
  const ok = measured.linesPerSecond >= 20_000 && measured.p99 <= 100;
  console.log(`api ws: ${SUBSCRIBERS} subscribers in ${WORKERS} processes (${single ? 'one message per event' : 'batch: true'}), lines emitted at up to ${rate}/s`);
  console.log(`  all ${SUBSCRIBERS} subscribers got every line of every release once and in order (latency from the ${FULL} that parse every message)`);
  for (const r of results) {
    const label = r === measured ? `measured release, ${r.lines} lines` : `warm-up release, ${r.lines} lines (cold processes)`;
    console.log(`  ${label}:`);
    console.log(`    lines/s  : ${r.linesPerSecond.toFixed(0)}${r === measured ? ' (target ≥ 20000)' : ''}`);
    console.log(`    CPU      : server ${r.serverMs.toFixed(0)} ms, subscribers ${r.cpu.map((c) => c.toFixed(0)).join(' + ')} ms, in ${(r.seconds * 1000).toFixed(0)} ms on ${availableParallelism()} cores`);
    console.log(`    p50      : ${r.p50.toFixed(1)} ms`);
    console.log(`    p99      : ${r.p99.toFixed(1)} ms${r === measured ? ` (target ≤ 100 ms) ${ok ? 'OK' : 'MISSED'}` : ''}`);
    console.log(`    max      : ${r.max.toFixed(1)} ms`);
  }
  process.exit(ok ? 0 : 1);
}
