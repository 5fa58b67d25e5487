// Adds a git work tree as a project (or returns the one already registered for it).
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { HttpError } from '../http-error.js';
import type { ProjectRow } from '../repositories/project-repository.js';
import type { Services } from '../services.js';
import { git } from './git.js';

interface RepoSettings {
  name: string;
  remoteName: string;
  mainBranch: string;
}

async function readConfig(dir: string): Promise<{ project?: unknown; git?: { remote?: unknown; mainBranch?: unknown } }> {
  try {
    return ((parse(await readFile(join(dir, '.shipgate.yaml'), 'utf8')) as unknown) ?? {}) as { project?: unknown };
  } catch {
    return {}; // no (or unreadable) config: the engine reports config errors at plan time
  }
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);

/** The display name a repository's .shipgate.yaml gives (`project:`), or null when it names none. */
export async function configuredName(dir: string): Promise<string | null> {
  return text((await readConfig(dir)).project, '') || null;
}

async function readSettings(dir: string): Promise<RepoSettings> {
  const config = await readConfig(dir);
  return {
    name: text(config.project, basename(dir)),
    remoteName: text(config.git?.remote, 'origin'),
    mainBranch: text(config.git?.mainBranch, 'main'),
  };
}

function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
  return s || 'project';
}

export async function registerProject(svc: Services, dirInput: string): Promise<{ project: ProjectRow; created: boolean }> {
  const requested = resolve(dirInput);
  const top = await git(requested, ['rev-parse', '--show-toplevel']).catch(() => null);
  if (!top || top.code !== 0 || !top.stdout) {
    throw new HttpError(400, 'not_a_git_repository', `${dirInput} is not a git work tree`);
  }
  const dir = top.stdout;
  const existing = await svc.projects.findByDir(dir);
  if (existing) return { project: existing, created: false };
  const settings = await readSettings(dir);
  const remote = await git(dir, ['remote', 'get-url', settings.remoteName]);
  if (remote.code !== 0 || !remote.stdout) {
    throw new HttpError(400, 'no_remote', `${dir} has no git remote "${settings.remoteName}" to release from`);
  }
  // a relative local remote is relative to the work tree
  const remoteUrl = /^[a-z][a-z0-9+.-]*:\/\/|^[^/]+@[^:]+:/i.test(remote.stdout) || isAbsolute(remote.stdout) ? remote.stdout : resolve(dir, remote.stdout);
  let id = slug(settings.name);
  for (let n = 2; await svc.projects.get(id); n++) id = `${slug(settings.name)}-${n}`;
  const project: ProjectRow = { id, dir, remoteUrl, currentVersion: null, productionVersion: null, productionTag: null, productionCommit: null, productionSince: null, lockReason: null, lockBy: null, lockSince: null, lockAutomatic: false, createdAt: new Date().toISOString(), ...settings };
  await svc.projects.insert(project);
  return { project, created: true };
}
