// What the checked-out repository says this process runs: version from package.json, the
// commit from git, and the faults from demo-faults.json.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NO_FAULTS, parseDemoFaults, type DemoFaults } from './demo-faults.js';

const run = promisify(execFile);

export interface Release {
  version: string;
  commit: string;
  faults: DemoFaults;
}

export async function readRelease(repoDir: string): Promise<Release> {
  const [version, commit, faults] = await Promise.all([readVersion(repoDir), readCommit(repoDir), readFaults(repoDir)]);
  return { version, commit, faults };
}

async function readVersion(repoDir: string): Promise<string> {
  const text = await readFile(join(repoDir, 'package.json'), 'utf8').catch(() => null);
  if (text === null) return '0.0.0';
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

async function readCommit(repoDir: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd: repoDir });
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}

async function readFaults(repoDir: string): Promise<DemoFaults> {
  const text = await readFile(join(repoDir, 'demo-faults.json'), 'utf8').catch(() => null);
  return text === null ? NO_FAULTS : parseDemoFaults(text);
}
