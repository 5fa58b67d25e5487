#!/usr/bin/env node
// node dist/main.js --port 4401 --repo <dir> [--follow <bare origin> --branch production] [--seed 42] [--rps 40]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runDemoService } from './run-demo-service.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4401' },
    host: { type: 'string', default: '127.0.0.1' },
    repo: { type: 'string' },
    follow: { type: 'string' },
    branch: { type: 'string', default: 'production' },
    seed: { type: 'string', default: '42' },
    rps: { type: 'string', default: '40' },
  },
});

if (!values.repo) {
  process.stderr.write('usage: demo-service --port 4401 --repo <dir> [--follow <bare origin> --branch production]\n');
  process.exit(2);
}

const service = await runDemoService({
  port: Number(values.port),
  host: values.host,
  repoDir: resolve(values.repo),
  seed: Number(values.seed),
  trafficRps: Number(values.rps),
  ...(values.follow ? { follow: { origin: resolve(values.follow), branch: values.branch } } : {}),
  log: (line) => process.stdout.write(`${line}\n`),
});
const { version, commit } = service.release();
process.stdout.write(`demo service on ${service.url} running ${version} (${commit.slice(0, 7)})\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.close().then(() => process.exit(0));
  });
}
