// Picks the Spec-Flow feature a release belongs to: the newest `specs/NNN-slug` directory
// by number, or the one named with --spec (`042`, `42` or `042-billing-dashboard`).
import { join, posix } from 'node:path';
import type { FileSystem } from '../context.js';
import { ShipgateError } from '../errors.js';
import type { SpecRef } from '../model/plan-types.js';

const FEATURE_DIR = /^(\d+)-(.+)$/;

interface Feature {
  name: string;
  number: number;
  rest: string;
}

export async function findSpec(fs: FileSystem, repoDir: string, specsDir: string, slug?: string): Promise<SpecRef | null> {
  const base = posix.normalize(specsDir.replace(/\\/g, '/')).replace(/\/+$/, '');
  const features = await listFeatures(fs, join(repoDir, base));
  const ref = (feature: Feature): SpecRef => ({ slug: feature.name, dir: `${base}/${feature.name}` });
  if (slug === undefined || slug.trim() === '') return features[0] ? ref(features[0]) : null;
  const wanted = slug.trim().replace(/\/+$/, '').split('/').at(-1)!;
  const exact = features.find((feature) => feature.name === wanted);
  if (exact) return ref(exact);
  const matches = features.filter((feature) => (/^\d+$/.test(wanted) ? feature.number === Number(wanted) : feature.rest === wanted));
  if (matches.length === 1) return ref(matches[0]!);
  const available = features.map((feature) => feature.name).join(', ');
  const problem = matches.length > 1 ? `"${slug}" matches several features (${matches.map((f) => f.name).join(', ')})` : `no Spec-Flow feature "${slug}" in ${base}/`;
  throw new ShipgateError('USAGE', problem, {
    field: '--spec',
    hint: features.length ? `pick one of: ${available}` : `${base}/ has no NNN-slug feature directories`,
  });
}

/** Feature directories, newest (highest number) first; numbers compare as numbers (010 > 9). */
async function listFeatures(fs: FileSystem, dir: string): Promise<Feature[]> {
  if (!(await fs.isDirectory(dir))) return [];
  const features: Feature[] = [];
  for (const name of await fs.readdir(dir)) {
    const match = FEATURE_DIR.exec(name);
    if (match && (await fs.isDirectory(join(dir, name)))) features.push({ name, number: Number(match[1]), rest: match[2]! });
  }
  return features.sort((a, b) => b.number - a.number || (a.name < b.name ? 1 : -1));
}
