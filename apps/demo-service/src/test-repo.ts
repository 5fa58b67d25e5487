// Real temporary git repositories for the slow tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git.js';

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A repository with one commit holding package.json (and the given extra files). */
export async function initRepo(dir: string, version: string, files: Record<string, string> = {}): Promise<string> {
  await git(['init', '--quiet', '--initial-branch', 'main', dir]);
  await git(['config', 'user.email', 'demo@example.test'], dir);
  await git(['config', 'user.name', 'Demo'], dir);
  return commitRelease(dir, version, files);
}

export async function commitRelease(dir: string, version: string, files: Record<string, string> = {}): Promise<string> {
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'demo-app', version }, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await git(['add', '-A'], dir);
  await git(['commit', '--quiet', '-m', `chore(release): v${version}`], dir);
  return git(['rev-parse', 'HEAD'], dir);
}

/** Sums http_requests_total from the exposition text: all, and 5xx only. */
export function requestCounts(metrics: string): { total: number; errors: number } {
  let total = 0;
  let errors = 0;
  for (const match of metrics.matchAll(/^http_requests_total\{route="[^"]*",status="(\d+)"\} (\d+)$/gm)) {
    total += Number(match[2]);
    if (match[1]!.startsWith('5')) errors += Number(match[2]);
  }
  return { total, errors };
}
